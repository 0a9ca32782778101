using Linode.AspNetCore.Authentication;
using LinodeApp.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LinodeApp.Pages;

/// <summary>
/// The signed-in user's Linodes, read from Linode's API with their token. Only for users who granted
/// <c>linodes:read_only</c>: anyone else is sent to sign in, or shown the access-denied page.
/// </summary>
[LinodeScope(LinodeScopes.Linodes.ReadOnly)]
public sealed class LinodesModel(LinodeInstancesClient linodes) : PageModel
{
    /// <summary>The user's Linodes, or why they could not be read.</summary>
    public LinodeInstancesResult Result { get; private set; } = new([], null);

    /// <summary>Reads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await linodes.TryListAsync(cancellationToken);
}
