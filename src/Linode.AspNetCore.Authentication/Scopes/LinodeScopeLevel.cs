namespace Linode.AspNetCore.Authentication;

/// <summary>
/// The access level part of a Linode OAuth scope (<c>family:level</c>).
/// </summary>
public enum LinodeScopeLevel
{
    /// <summary>A level this library does not recognise. The scope is kept and only matches itself exactly.</summary>
    Unknown = 0,

    /// <summary><c>read_only</c>: read access to the family. Also the meaning of the legacy level <c>view</c>.</summary>
    ReadOnly = 1,

    /// <summary><c>read_write</c>: read and write access to the family; covers <see cref="ReadOnly"/>.
    /// Also the meaning of the legacy levels <c>create</c>, <c>modify</c> and <c>delete</c>.</summary>
    ReadWrite = 2,

    /// <summary><c>family:*</c>: full access to the family; covers <see cref="ReadOnly"/> and <see cref="ReadWrite"/>.</summary>
    All = 3,
}
