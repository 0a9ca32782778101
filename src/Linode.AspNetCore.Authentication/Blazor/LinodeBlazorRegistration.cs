namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Marks that <c>AddLinodeBlazor()</c> was called, so the start-up check demands server-side sessions.</summary>
internal sealed class LinodeBlazorRegistration;
