namespace Renda.Web.Platform.Web;

/// <summary>
/// A refused business rule. Kind decides the HTTP status so handlers never pick one by hand:
/// a state transition that is not allowed now is a Conflict (409), a value that can never be
/// valid is Invalid (400), an actor without the right is Forbidden (403).
/// </summary>
public sealed class DomainException(DomainErrorKind kind, string message, string? field = null) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;
    /// <summary>The form or JSON field the error belongs to, so the UI can put the message beside it.</summary>
    public string? Field { get; } = field;

    public static DomainException Conflict(string message) => new(DomainErrorKind.Conflict, message);
    public static DomainException Invalid(string field, string message) => new(DomainErrorKind.Invalid, message, field);
    public static DomainException Forbidden(string message) => new(DomainErrorKind.Forbidden, message);
    public static DomainException NotFound(string message) => new(DomainErrorKind.NotFound, message);
}

public enum DomainErrorKind { Invalid, Conflict, Forbidden, NotFound }
