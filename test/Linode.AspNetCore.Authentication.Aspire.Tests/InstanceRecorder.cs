namespace Linode.AspNetCore.Authentication.Aspire.Tests;

/// <summary>Records which replica answered each request (WebSample's <c>X-Sample-Instance</c> header), on a new connection
/// per request so the proxy in front of the replicas chooses again each time.</summary>
internal sealed class InstanceRecorder(HttpMessageHandler inner) : NewConnectionPerRequest(inner)
{
    private readonly List<(string Path, string Instance)> _answers = [];

    public IReadOnlyList<(string Path, string Instance)> Answers { get { lock (_answers) { return [.. _answers]; } } }

    public IEnumerable<string> Instances => Answers.Select(answer => answer.Instance);

    public static string InstanceOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Sample-Instance", out var values) ? values.Single() : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered without X-Sample-Instance.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        lock (_answers)
        {
            _answers.Add((request.RequestUri!.AbsolutePath, InstanceOf(response)));
        }

        return response;
    }
}

/// <summary>Sends each request on a new connection (<c>Connection: close</c>).</summary>
internal class NewConnectionPerRequest(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.ConnectionClose = true;
        return base.SendAsync(request, cancellationToken);
    }
}
