using System.Reflection;
using System.Text.RegularExpressions;
using Linode.AspNetCore.Authentication.Tests;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Adoption;

/// <summary>
/// Every log message of the handler and Redis packages has its own event id (a filter or an alert on an id must not catch
/// another message), and the README's log table lists each one with its level.
/// </summary>
public sealed partial class LogEventIdTests
{
    private static readonly Assembly[] Packages = [typeof(LinodeOptions).Assembly, typeof(LinodeRedisOptions).Assembly];

    private static (string Method, LoggerMessageAttribute Message)[] Messages() =>
        Packages
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method.DeclaringType!.Name + "." + method.Name, Message: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(entry => entry.Message is not null)
            .Select(entry => (entry.Method, entry.Message!))
            .ToArray();

    [Fact]
    public void Every_log_message_has_its_own_event_id()
    {
        var messages = Messages();

        Assert.True(messages.Length >= 30, $"{messages.Length} messages found");
        var shared = messages.GroupBy(entry => entry.Message.EventId).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(entry => entry.Method))}");
        Assert.Empty(shared);
    }

    [Fact]
    public void The_readme_lists_every_event_id_with_its_level()
    {
        var table = TableRow().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")))
            .ToDictionary(match => int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), match => match.Groups["level"].Value);

        var missing = Messages()
            .Where(entry => !table.TryGetValue(entry.Message.EventId, out var level) || level != entry.Message.Level.ToString())
            .Select(entry => $"{entry.Message.EventId} {entry.Message.Level} ({entry.Method})");

        Assert.Empty(missing);
        Assert.Equal(Messages().Length, table.Count);
    }

    [GeneratedRegex(@"^\| (?<id>5\d{3}) \| (?<level>[A-Za-z]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
