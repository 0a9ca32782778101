namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The faults armed at each endpoint. Thread-safe.</summary>
public sealed class LinodeEmulatorFaults
{
    private readonly Lock _lock = new();
    private readonly List<(string Endpoint, LinodeEmulatorFault Fault, int? Remaining)> _faults = [];

    /// <summary>Arms <paramref name="fault"/> at the endpoint named <paramref name="endpointName"/> (a
    /// <see cref="LinodeEmulatorEndpoint"/> name, or one given to <see cref="LinodeEmulator.MapApi"/>).</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it applies to; null for every request until <see cref="Clear"/>.</param>
    public void Add(string endpointName, LinodeEmulatorFault fault, int? times = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(fault);
        var endpoint = endpointName;
        lock (_lock)
        {
            _faults.Add((endpoint, fault, times));
        }
    }

    /// <summary>Disarms every fault.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    internal LinodeEmulatorFault? Take(string endpoint)
    {
        lock (_lock)
        {
            var index = _faults.FindIndex(entry => string.Equals(entry.Endpoint, endpoint, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var (_, fault, remaining) = _faults[index];
            if (remaining is { } count)
            {
                if (count <= 1)
                {
                    _faults.RemoveAt(index);
                }
                else
                {
                    _faults[index] = (endpoint, fault, count - 1);
                }
            }

            return fault;
        }
    }
}
