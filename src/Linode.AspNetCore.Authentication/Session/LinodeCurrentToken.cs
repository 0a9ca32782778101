namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>A session's current access token, when it expires (null: not known), and the options of its Linode scheme.</summary>
internal sealed record LinodeCurrentToken(string AccessToken, DateTimeOffset? ExpiresAt, LinodeOptions Options);
