namespace Linode.AspNetCore.Authentication.Tests.Infrastructure;

/// <summary>A network that refuses the connection for one path (as a down or firewalled endpoint would); every other call
/// reaches <paramref name="inner"/>.</summary>
internal sealed class RefusingPath(string path, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri!.AbsolutePath == path
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")
            : base.SendAsync(request, cancellationToken);
}
