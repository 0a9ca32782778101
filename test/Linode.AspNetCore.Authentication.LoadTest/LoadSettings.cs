using System.Globalization;

namespace Linode.AspNetCore.Authentication.LoadTest;

/// <summary>Command-line settings: --logins N (per row; 0 = until the duration ends), --concurrency C, --duration S, --warmup S.</summary>
internal sealed record LoadSettings(int Logins, int Concurrency, TimeSpan Duration, TimeSpan Warmup)
{
    public static LoadSettings Parse(string[] args)
    {
        var settings = new LoadSettings(Logins: 0, Concurrency: 64, Duration: TimeSpan.FromSeconds(20), Warmup: TimeSpan.FromSeconds(3));
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--logins" or "-n" => settings with { Logins = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" or "-c" => settings with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" or "-d" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --logins N, --concurrency C, --duration SECONDS, --warmup SECONDS."),
            };
            i++;
        }

        return settings.Concurrency > 0 ? settings : throw new ArgumentException("--concurrency must be positive.");
    }
}
