using Linode.AspNetCore.Authentication;
using LinodeApp.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LinodeApp.Pages;

/// <summary>
/// The signed-in user's Linodes, read from Linode's API with their token. Only for users who granted
/// <c>linodes:read_only</c>: anyone else is sent to sign in, or shown the access-denied page.
/// </summary>
[LinodeScope(LinodeScopes.Linodes.ReadOnly)]
public sealed partial class LinodesModel(LinodeInstancesClient linodes, ILogger<LinodesModel> logger) : PageModel
{
    /// <summary>The user's Linodes.</summary>
    public IReadOnlyList<LinodeInstance> Instances { get; private set; } = [];

    /// <summary>Why the list could not be read, in words for the user; null when it was.</summary>
    public string? Problem { get; private set; }

    /// <summary>Reads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Instances = await linodes.ListAsync(cancellationToken);
        }
        catch (LinodeApiException exception)
        {
            // A missing scope, a revoked token, a rate limit or another refusal: Linode's answer, never a 500.
            LogApiRefused(logger, exception.StatusCode);
            Problem = exception.Message;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Problem = "Linode could not be reached. Try again in a moment.";
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Linode's API refused the list of Linodes ({StatusCode}).")]
    private static partial void LogApiRefused(ILogger logger, System.Net.HttpStatusCode? statusCode);
}
