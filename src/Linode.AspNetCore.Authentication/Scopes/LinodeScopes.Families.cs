namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Linode's OAuth scopes: a constant for every family at every level (usable in attributes), the list
/// of families, and parsing, formatting and coverage of scope lists.
/// </summary>
/// <remarks>
/// Grammar: a scope is <c>family:level</c> with level <c>read_only</c> or <c>read_write</c>; <c>family:*</c> is full
/// access to a family and <c>*</c> is full access to everything. Requests may separate scopes with commas or spaces;
/// Linode's responses use spaces. Legacy levels (<c>view</c>, <c>create</c>, <c>modify</c>, <c>delete</c>) are understood.
/// Unknown families and levels are kept, never dropped.
/// </remarks>
public static partial class LinodeScopes
{
    /// <summary><c>*</c>: read/write access to every family.</summary>
    public const string All = "*";

    /// <summary>Scopes of the <c>account</c> family: your account, users, OAuth clients and tokens, billing.</summary>
    public static class Account
    {
        /// <summary>The family name, <c>account</c>.</summary>
        public const string Family = "account";

        /// <summary><c>account:read_only</c>.</summary>
        public const string ReadOnly = "account:read_only";

        /// <summary><c>account:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "account:read_write";

        /// <summary><c>account:*</c> (full access to the family).</summary>
        public const string All = "account:*";
    }

    /// <summary>Scopes of the <c>child_account</c> family: child accounts of a parent account.</summary>
    public static class ChildAccount
    {
        /// <summary>The family name, <c>child_account</c>.</summary>
        public const string Family = "child_account";

        /// <summary><c>child_account:read_only</c>.</summary>
        public const string ReadOnly = "child_account:read_only";

        /// <summary><c>child_account:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "child_account:read_write";

        /// <summary><c>child_account:*</c> (full access to the family).</summary>
        public const string All = "child_account:*";
    }

    /// <summary>Scopes of the <c>databases</c> family: Managed Databases.</summary>
    public static class Databases
    {
        /// <summary>The family name, <c>databases</c>.</summary>
        public const string Family = "databases";

        /// <summary><c>databases:read_only</c>.</summary>
        public const string ReadOnly = "databases:read_only";

        /// <summary><c>databases:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "databases:read_write";

        /// <summary><c>databases:*</c> (full access to the family).</summary>
        public const string All = "databases:*";
    }

    /// <summary>Scopes of the <c>domains</c> family: DNS domains and records.</summary>
    public static class Domains
    {
        /// <summary>The family name, <c>domains</c>.</summary>
        public const string Family = "domains";

        /// <summary><c>domains:read_only</c>.</summary>
        public const string ReadOnly = "domains:read_only";

        /// <summary><c>domains:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "domains:read_write";

        /// <summary><c>domains:*</c> (full access to the family).</summary>
        public const string All = "domains:*";
    }

    /// <summary>Scopes of the <c>events</c> family: account events.</summary>
    public static class Events
    {
        /// <summary>The family name, <c>events</c>.</summary>
        public const string Family = "events";

        /// <summary><c>events:read_only</c>.</summary>
        public const string ReadOnly = "events:read_only";

        /// <summary><c>events:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "events:read_write";

        /// <summary><c>events:*</c> (full access to the family).</summary>
        public const string All = "events:*";
    }

    /// <summary>Scopes of the <c>firewall</c> family: Cloud Firewalls.</summary>
    public static class Firewall
    {
        /// <summary>The family name, <c>firewall</c>.</summary>
        public const string Family = "firewall";

        /// <summary><c>firewall:read_only</c>.</summary>
        public const string ReadOnly = "firewall:read_only";

        /// <summary><c>firewall:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "firewall:read_write";

        /// <summary><c>firewall:*</c> (full access to the family).</summary>
        public const string All = "firewall:*";
    }

    /// <summary>Scopes of the <c>images</c> family: images.</summary>
    public static class Images
    {
        /// <summary>The family name, <c>images</c>.</summary>
        public const string Family = "images";

        /// <summary><c>images:read_only</c>.</summary>
        public const string ReadOnly = "images:read_only";

        /// <summary><c>images:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "images:read_write";

        /// <summary><c>images:*</c> (full access to the family).</summary>
        public const string All = "images:*";
    }

    /// <summary>Scopes of the <c>ips</c> family: IP addresses.</summary>
    public static class Ips
    {
        /// <summary>The family name, <c>ips</c>.</summary>
        public const string Family = "ips";

        /// <summary><c>ips:read_only</c>.</summary>
        public const string ReadOnly = "ips:read_only";

        /// <summary><c>ips:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "ips:read_write";

        /// <summary><c>ips:*</c> (full access to the family).</summary>
        public const string All = "ips:*";
    }

    /// <summary>Scopes of the <c>linodes</c> family: Linode instances.</summary>
    public static class Linodes
    {
        /// <summary>The family name, <c>linodes</c>.</summary>
        public const string Family = "linodes";

        /// <summary><c>linodes:read_only</c>.</summary>
        public const string ReadOnly = "linodes:read_only";

        /// <summary><c>linodes:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "linodes:read_write";

        /// <summary><c>linodes:*</c> (full access to the family).</summary>
        public const string All = "linodes:*";
    }

    /// <summary>Scopes of the <c>lke</c> family: Linode Kubernetes Engine clusters.</summary>
    public static class Lke
    {
        /// <summary>The family name, <c>lke</c>.</summary>
        public const string Family = "lke";

        /// <summary><c>lke:read_only</c>.</summary>
        public const string ReadOnly = "lke:read_only";

        /// <summary><c>lke:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "lke:read_write";

        /// <summary><c>lke:*</c> (full access to the family).</summary>
        public const string All = "lke:*";
    }

    /// <summary>Scopes of the <c>longview</c> family: Longview clients.</summary>
    public static class Longview
    {
        /// <summary>The family name, <c>longview</c>.</summary>
        public const string Family = "longview";

        /// <summary><c>longview:read_only</c>.</summary>
        public const string ReadOnly = "longview:read_only";

        /// <summary><c>longview:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "longview:read_write";

        /// <summary><c>longview:*</c> (full access to the family).</summary>
        public const string All = "longview:*";
    }

    /// <summary>Scopes of the <c>monitor</c> family: monitoring (metrics and alerts).</summary>
    public static class Monitor
    {
        /// <summary>The family name, <c>monitor</c>.</summary>
        public const string Family = "monitor";

        /// <summary><c>monitor:read_only</c>.</summary>
        public const string ReadOnly = "monitor:read_only";

        /// <summary><c>monitor:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "monitor:read_write";

        /// <summary><c>monitor:*</c> (full access to the family).</summary>
        public const string All = "monitor:*";
    }

    /// <summary>Scopes of the <c>nodebalancers</c> family: NodeBalancers.</summary>
    public static class NodeBalancers
    {
        /// <summary>The family name, <c>nodebalancers</c>.</summary>
        public const string Family = "nodebalancers";

        /// <summary><c>nodebalancers:read_only</c>.</summary>
        public const string ReadOnly = "nodebalancers:read_only";

        /// <summary><c>nodebalancers:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "nodebalancers:read_write";

        /// <summary><c>nodebalancers:*</c> (full access to the family).</summary>
        public const string All = "nodebalancers:*";
    }

    /// <summary>Scopes of the <c>object_storage</c> family: Object Storage.</summary>
    public static class ObjectStorage
    {
        /// <summary>The family name, <c>object_storage</c>.</summary>
        public const string Family = "object_storage";

        /// <summary><c>object_storage:read_only</c>.</summary>
        public const string ReadOnly = "object_storage:read_only";

        /// <summary><c>object_storage:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "object_storage:read_write";

        /// <summary><c>object_storage:*</c> (full access to the family).</summary>
        public const string All = "object_storage:*";
    }

    /// <summary>Scopes of the <c>stackscripts</c> family: StackScripts.</summary>
    public static class StackScripts
    {
        /// <summary>The family name, <c>stackscripts</c>.</summary>
        public const string Family = "stackscripts";

        /// <summary><c>stackscripts:read_only</c>.</summary>
        public const string ReadOnly = "stackscripts:read_only";

        /// <summary><c>stackscripts:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "stackscripts:read_write";

        /// <summary><c>stackscripts:*</c> (full access to the family).</summary>
        public const string All = "stackscripts:*";
    }

    /// <summary>Scopes of the <c>volumes</c> family: Block Storage volumes.</summary>
    public static class Volumes
    {
        /// <summary>The family name, <c>volumes</c>.</summary>
        public const string Family = "volumes";

        /// <summary><c>volumes:read_only</c>.</summary>
        public const string ReadOnly = "volumes:read_only";

        /// <summary><c>volumes:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "volumes:read_write";

        /// <summary><c>volumes:*</c> (full access to the family).</summary>
        public const string All = "volumes:*";
    }

    /// <summary>Scopes of the <c>vpc</c> family: VPCs.</summary>
    public static class Vpc
    {
        /// <summary>The family name, <c>vpc</c>.</summary>
        public const string Family = "vpc";

        /// <summary><c>vpc:read_only</c>.</summary>
        public const string ReadOnly = "vpc:read_only";

        /// <summary><c>vpc:read_write</c> (covers read_only).</summary>
        public const string ReadWrite = "vpc:read_write";

        /// <summary><c>vpc:*</c> (full access to the family).</summary>
        public const string All = "vpc:*";
    }

    /// <summary>Every family Linode documents today, in Linode's order.</summary>
    public static IReadOnlyList<string> Families { get; } =
    [
        Account.Family,
        ChildAccount.Family,
        Databases.Family,
        Domains.Family,
        Events.Family,
        Firewall.Family,
        Images.Family,
        Ips.Family,
        Linodes.Family,
        Lke.Family,
        Longview.Family,
        Monitor.Family,
        NodeBalancers.Family,
        ObjectStorage.Family,
        StackScripts.Family,
        Volumes.Family,
        Vpc.Family,
    ];

}
