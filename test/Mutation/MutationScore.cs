// Mutation score per folder from Stryker.NET JSON reports, without the equivalent ConfigureAwait(false)→true mutants,
// and a check that the run is honest: those equivalent mutants must survive (a run that reports them killed had its
// shared test process broken by an earlier mutant, and every later "kill" is suspect).
// dotnet run --file test/Mutation/MutationScore.cs -- <mutation-report.json> [<more reports>...] [--survivors]
// Several reports (folder groups run with -m) combine into one table for the whole package: each source file is scored
// from the last report given that tested it, so list older runs first.
// --survivors also lists every surviving and uncovered mutant (file:line and replacement), the list to write tests from,
// and every time-out (counted as detected, as Stryker does; the last column counts them as survived, the worst case for a
// run on a loaded machine).
using System.Globalization;
using System.Text.Json;

var listSurvivors = args.Contains("--survivors");
var reports = args.Where(arg => arg != "--survivors").ToList();
if (reports.Count == 0 || reports.Any(path => !File.Exists(path)))
{
    Console.Error.WriteLine("usage: dotnet run --file test/Mutation/MutationScore.cs -- <StrykerOutput/.../reports/mutation-report.json> [<more reports>...] [--survivors]");
    return 2;
}

// Per source file, its rows from the last report that tested it (a report of a -m run lists every file, the others Ignored).
var byFile = new Dictionary<string, (List<(string Folder, string Status, bool Equivalent, string File, int Line, string Replacement, double? Duration)> Rows, List<string> KilledUncovered)>(StringComparer.Ordinal);
foreach (var path in reports)
{
    using var report = JsonDocument.Parse(File.ReadAllText(path));
    foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
    {
        var fileRows = new List<(string Folder, string Status, bool Equivalent, string File, int Line, string Replacement, double? Duration)>();
        var fileKilledUncovered = new List<string>();
        var lines = file.Value.GetProperty("source").GetString()!.Split('\n');
        var relative = file.Name.Replace('\\', '/');
        var srcIndex = relative.LastIndexOf("/src/", StringComparison.Ordinal);
        var inProject = srcIndex >= 0 ? relative[(srcIndex + 5)..] : relative;
        var parts = inProject.Split('/');
        var folder = parts.Length > 2 ? parts[1] : "(project root)";
        foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
        {
            var start = mutant.GetProperty("location").GetProperty("start");
            var line = start.GetProperty("line").GetInt32();
            var text = line - 1 < lines.Length ? lines[line - 1] : string.Empty;
            var replacement = mutant.TryGetProperty("replacement", out var r) ? r.GetString() ?? string.Empty : string.Empty;
            var equivalent = text.Contains("ConfigureAwait(false)", StringComparison.Ordinal) && replacement is "true";
            double? duration = mutant.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : null;
            fileRows.Add((folder, mutant.GetProperty("status").GetString()!, equivalent, inProject, line, replacement, duration));

            // Killed by tests although no test covers it: a static initializer, evaluated outside any test. Once it has run
            // mutated, the shared test process keeps the broken value and every later kill is suspect.
            if (mutant.GetProperty("status").GetString() == "Killed" && Count(mutant, "coveredBy") == 0 && Count(mutant, "killedBy") > 0)
            {
                fileKilledUncovered.Add($"{inProject}:{line}");
            }
        }

        if (fileRows.Any(row => Counted(row.Status)))
        {
            byFile[inProject] = (fileRows, fileKilledUncovered);
        }
    }
}

var rows = byFile.Values.SelectMany(entry => entry.Rows).ToList();
var killedUncovered = byFile.Values.SelectMany(entry => entry.KilledUncovered).ToList();

static int Count(JsonElement mutant, string property) =>
    mutant.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;

static bool Detected(string status) => status is "Killed" or "Timeout";
static bool Counted(string status) => status is "Killed" or "Timeout" or "Survived" or "NoCoverage";

Console.WriteLine("| folder | killed | survived | no coverage | timeout | score (equivalents excluded) | time-outs as survived |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var group in rows.Where(row => !row.Equivalent && Counted(row.Status)).GroupBy(row => row.Folder).OrderBy(group => group.Key, StringComparer.Ordinal).Append(null))
{
    var set = group?.ToList() ?? rows.Where(row => !row.Equivalent && Counted(row.Status)).ToList();
    var name = group?.Key ?? "**all**";
    var detected = set.Count(row => Detected(row.Status));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {set.Count(row => row.Status == "Killed")} | {set.Count(row => row.Status == "Survived")} | {set.Count(row => row.Status == "NoCoverage")} | {set.Count(row => row.Status == "Timeout")} | {100.0 * detected / Math.Max(1, set.Count):0.0} % | {100.0 * set.Count(row => row.Status == "Killed") / Math.Max(1, set.Count):0.0} % |"));
}

if (listSurvivors)
{
    Console.WriteLine();
    foreach (var row in rows.Where(row => !row.Equivalent && row.Status is "Survived" or "NoCoverage" or "Timeout").OrderBy(row => row.File, StringComparer.Ordinal).ThenBy(row => row.Line))
    {
        var replacement = row.Replacement.ReplaceLineEndings(" ");
        Console.WriteLine($"{row.File}:{row.Line} {row.Status}: {replacement[..Math.Min(80, replacement.Length)]}");
    }
}

var canaries = rows.Where(row => row.Equivalent).ToList();
var killedCanaries = canaries.Where(row => Detected(row.Status)).ToList();
Console.WriteLine();
Console.WriteLine($"Equivalent ConfigureAwait(false)→true mutants: {canaries.Count}, reported killed: {killedCanaries.Count}.");
foreach (var canary in killedCanaries.Take(10))
{
    Console.WriteLine($"  SUSPECT: {canary.File}:{canary.Line} reported {canary.Status}");
}

if (killedUncovered.Count > 0)
{
    Console.WriteLine($"Killed by tests that do not cover them (static initializers, mutated for the whole test process): {killedUncovered.Count}.");
    foreach (var place in killedUncovered.Take(10))
    {
        Console.WriteLine($"  STATIC: {place} — give this field its own '// Stryker disable once all' (docs/testing.md)");
    }
}

if (killedCanaries.Any(canary => canary.Status == "Killed") || killedUncovered.Count > 0)
{
    Console.WriteLine("This run is not honest: an equivalent mutant cannot be killed, nor a mutant no test runs. An earlier mutant probably broke the shared test process; see docs/testing.md.");
    return 1;
}

if (killedCanaries.Count > 0)
{
    Console.WriteLine("Equivalent mutants timed out: the machine was too loaded for Stryker's time-out, so other time-outs are suspect too. Read the 'time-outs as survived' column, or run again on a quiet machine (or with a larger additional-timeout).");
    return 1;
}

return 0;
