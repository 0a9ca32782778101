namespace WebSample.Models;

public sealed record HomeViewModel(Uri? EmulatorAddress)
{
    public bool UsesEmulator => EmulatorAddress is not null;
}
