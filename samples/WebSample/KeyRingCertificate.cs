using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace WebSample;

/// <summary>Encrypts the Data Protection key ring at rest with a certificate from configuration
/// (<c>DataProtection:Certificate:Path</c> to a PFX file, <c>DataProtection:Certificate:Password</c>), wherever the ring is
/// kept (Redis or the keys folder). Without it, a reader of Redis or of the folder can decrypt the Linode tokens.</summary>
public static class KeyRingCertificate
{
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        if (configuration["DataProtection:Certificate:Path"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:Certificate:Password"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return dataProtection;
    }
}
