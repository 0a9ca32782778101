namespace WebSample.Deploy;

/// <summary>
/// Which StackScript "Install on Linode" deploys: <c>Deploy:StackScriptId</c>, or against the embedded emulator the one
/// it seeds. Against real Linode there is no default, because a StackScript id is somebody's own script: the app's author
/// publishes theirs and configures its id, and until then the deploy page says how.
/// </summary>
public sealed class DeployStackScript(IConfiguration configuration, EmbeddedLinodeEmulator? emulator = null)
{
    /// <summary>The configuration key of the id.</summary>
    public const string IdKey = "Deploy:StackScriptId";

    /// <summary>The StackScript's id, or null when none is configured for real Linode.</summary>
    public long? Id => configuration.GetValue<long?>(IdKey) ?? emulator?.Emulator.Options.StackScripts.FirstOrDefault(script => script.IsPublic)?.Id;
}
