using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Security;

/// <summary>The sample encrypts its key ring at rest with the certificate <c>DataProtection:Certificate:Path</c> names,
/// and keeps working with it.</summary>
public sealed class SampleKeyRingTests
{
    [Fact]
    public async Task A_configured_certificate_encrypts_the_key_ring_and_sign_in_still_works()
    {
        var pfx = Path.Combine(Directory.CreateTempSubdirectory("websample-cert-").FullName, "keyring.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=websample-key-ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "s3cret"), TestContext.Current.CancellationToken);
        }

        await using var sample = new SampleFactory { Settings = { ["DataProtection:Certificate:Path"] = pfx, ["DataProtection:Certificate:Password"] = "s3cret" } };
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);
        using var account = await GetAsync(browser, "/account");

        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var ring = string.Concat(Directory.GetFiles(sample.KeysPath, "*.xml").Select(File.ReadAllText));
        Assert.Contains("EncryptedXml", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", ring, StringComparison.Ordinal);
    }
}
