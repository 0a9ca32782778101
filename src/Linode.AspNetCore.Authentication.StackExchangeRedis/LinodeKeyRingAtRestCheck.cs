using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Internal;

/// <summary>
/// At start-up in Production, warns (5109) when <see cref="LinodeRedisBuilder.PersistDataProtectionKeys"/> keeps the Data
/// Protection key ring in Redis without an <c>XmlEncryptor</c> (<c>ProtectKeysWithCertificate</c> and friends): the ring
/// then sits in clear next to the sessions and refresh results it protects, and anyone who can read Redis can decrypt
/// the tokens.
/// </summary>
internal sealed class LinodeKeyRingAtRestCheck : IHostedService
{
    private readonly IOptions<KeyManagementOptions> _keyManagement;
    private readonly IHostEnvironment _environment;
    private readonly ILogger _logger;

    public LinodeKeyRingAtRestCheck(IOptions<KeyManagementOptions> keyManagement, IHostEnvironment environment, ILogger<LinodeKeyRingAtRestCheck> logger)
    {
        _keyManagement = keyManagement;
        _environment = environment;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _keyManagement.Value;
        if (_environment.IsProduction() && options.XmlRepository is Microsoft.AspNetCore.DataProtection.StackExchangeRedis.RedisXmlRepository && options.XmlEncryptor is null)
        {
            LinodeRedisLog.KeyRingStoredInClear(_logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
