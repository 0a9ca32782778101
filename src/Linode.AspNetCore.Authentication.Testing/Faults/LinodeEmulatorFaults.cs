namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The faults armed at each endpoint. Thread-safe.</summary>
public sealed class LinodeEmulatorFaults
{
    private readonly Lock _lock = new();
    private readonly List<(string Endpoint, LinodeEmulatorFault Fault, int? Remaining)> _faults = [];

    /// <summary>Arms <paramref name="fault"/> at <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it applies to; null for every request until <see cref="Clear"/>.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Both overloads ship together; they differ only in how the endpoint is named.")]
    public void Add(LinodeEmulatorEndpoint endpoint, LinodeEmulatorFault fault, int? times = null) => Add(endpoint.ToString(), fault, times);

    /// <summary>Arms <paramref name="fault"/> at the endpoint named <paramref name="endpointName"/> (one added with
    /// <see cref="LinodeEmulator.MapApi"/>, or a built-in endpoint's <see cref="LinodeEmulatorEndpoint"/> name).</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it applies to; null for every request until <see cref="Clear"/>.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Both overloads ship together; they differ only in how the endpoint is named.")]
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
