using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>
/// What a reader of Redis can do with what the package stores there. The reader is a process with this package's source
/// (so it knows every Data Protection purpose), the app's name, a copy of everything in Redis, and no certificate: with
/// the key ring in clear it recovers the user's access token from the session; with the ring encrypted by a certificate
/// it recovers nothing.
/// </summary>
public sealed class KeyRingAtRestTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task With_the_key_ring_in_clear_a_reader_of_Redis_decrypts_the_token_and_Production_warns()
    {
        var settings = new ScaleOutSettings { Redis = _redis, ServerSessions = true };
        await using var cluster = await ScaleOutCluster.StartAsync(settings, instances: 1);
        await cluster.SignInAsync(0, 0, 0);

        var stolen = await ReadSessionWithoutCertificateAsync(settings);

        Assert.Equal(cluster.Emulator.Emulator.Tokens.Single().AccessToken, stolen);
        Assert.Single(cluster.Instances[0].LogsOf(5109));
    }

    [Fact]
    public async Task With_the_key_ring_encrypted_a_reader_of_Redis_without_the_certificate_decrypts_nothing()
    {
        using var certificate = SelfSignedCertificate();
        var settings = new ScaleOutSettings { Redis = _redis, ServerSessions = true, KeyRingCertificate = certificate };
        await using var cluster = await ScaleOutCluster.StartAsync(settings, instances: 1);
        await cluster.SignInAsync(0, 0, 0);

        var ring = string.Join("\n", (await (await _redis.DatabaseAsync()).ListRangeAsync(settings.KeyPrefix + "data-protection-keys")).Select(value => value.ToString()));
        Assert.Contains("EncryptedXml", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", ring, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ReadSessionWithoutCertificateAsync(settings));
        Assert.Empty(cluster.Instances[0].LogsOf(5109));
    }

    /// <summary>Unprotects the one session in Redis as the app would, with the key ring read from Redis and no
    /// certificate, and returns the access token it holds.</summary>
    private async Task<string?> ReadSessionWithoutCertificateAsync(ScaleOutSettings settings)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(ScaleOutInstance.ApplicationName).PersistKeysToStackExchangeRedis(connection, settings.KeyPrefix + "data-protection-keys");
        await using var provider = services.BuildServiceProvider();
        var database = connection.GetDatabase();
        var session = Assert.Single(await _redis.KeysAsync(settings.KeyPrefix + "Linode.Session:*"));
        var stored = (byte[])(await database.HashGetAsync(session, "data"))!;
        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Linode.AspNetCore.Authentication.Session", "Cookies");
        var ticket = TicketSerializer.Default.Deserialize(protector.Unprotect(stored));
        return ticket?.Properties.GetTokenValue("access_token");
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=linode-key-ring-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
