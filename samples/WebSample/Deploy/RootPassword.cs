using System.Security.Cryptography;

namespace WebSample.Deploy;

/// <summary>
/// The new Linode's root password: 32 characters from a cryptographic RNG, at least one upper-case letter, lower-case
/// letter, digit and punctuation mark (Linode's documented classes; ~200 bits, well past its strength score). It is shown
/// to the user once and never logged or stored.
/// </summary>
public static class RootPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Punctuation = "!#%*+-=?@^_";
    public const int Length = 32;

    public static string Generate()
    {
        var characters = new char[Length];
        characters[0] = RandomNumberGenerator.GetItems<char>(Upper, 1)[0];
        characters[1] = RandomNumberGenerator.GetItems<char>(Lower, 1)[0];
        characters[2] = RandomNumberGenerator.GetItems<char>(Digits, 1)[0];
        characters[3] = RandomNumberGenerator.GetItems<char>(Punctuation, 1)[0];
        RandomNumberGenerator.GetItems<char>(Upper + Lower + Digits + Punctuation, Length - 4).CopyTo(characters, 4);
        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }
}
