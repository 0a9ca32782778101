using System.Globalization;

namespace Linode.AspNetCore.Authentication.LoadTest;

/// <summary>Command-line settings: --logins N (per row; 0 = until the duration ends), --concurrency C, --duration S (per row),
/// --warmup S (per handler or session mode, once), --rounds R (rows alternate the two compared setups, R times),
/// --instances N (0: the login comparison; N: the scale-out mode with N app instances per session mode).</summary>
internal sealed record LoadSettings(int Logins, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int Rounds, int Instances)
{
    public static LoadSettings Parse(string[] args)
    {
        var settings = new LoadSettings(Logins: 0, Concurrency: 64, Duration: TimeSpan.FromSeconds(10), Warmup: TimeSpan.FromSeconds(8), Rounds: 2, Instances: 0);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--logins" or "-n" => settings with { Logins = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" or "-c" => settings with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" or "-d" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--rounds" => settings with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--instances" => settings with { Instances = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --logins N, --concurrency C, --duration SECONDS, --warmup SECONDS, --rounds R, --instances N."),
            };
            i++;
        }

        return settings.Concurrency > 0 && settings.Rounds > 0 && settings.Instances >= 0 ? settings : throw new ArgumentException("--concurrency and --rounds must be positive, --instances not negative.");
    }
}
