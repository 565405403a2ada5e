using System.Collections.Concurrent;

namespace Renda.Web.Platform.Attachments;

/// <summary>
/// Who may see and add the attachments of a record. An attachment is visible only to users of its
/// congress who may see its owner record; each module that owns attachments registers the rule for
/// its owner type at start-up. Owner types nobody registered are refused, so a typo or a forgotten
/// registration can never expose a file.
/// </summary>
public static class AttachmentAccess
{
    private sealed record Rule(Func<RendaDbContext, CurrentUser, string, Task<bool>> CanSee, Func<RendaDbContext, CurrentUser, string, Task<bool>> CanAttach);

    private static readonly ConcurrentDictionary<string, Rule> Rules = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers (or replaces) the rule of an owner type. Both functions receive the owner id as
    /// stored (a string) and must check that the owner belongs to the user's congress.
    /// </summary>
    public static void Register(string ownerType, Func<RendaDbContext, CurrentUser, string, Task<bool>> canSee, Func<RendaDbContext, CurrentUser, string, Task<bool>> canAttach)
        => Rules[ownerType] = new Rule(canSee, canAttach);

    public static bool IsRegistered(string ownerType) => Rules.ContainsKey(ownerType);

    /// <summary>May the user see this attachment: same congress, and the owner's rule says yes. Unknown owner types: no.</summary>
    public static async Task<bool> CanSeeAsync(RendaDbContext db, CurrentUser user, Attachment attachment)
        => attachment.CongressId == user.CongressId && Rules.TryGetValue(attachment.OwnerType, out var rule) && await rule.CanSee(db, user, attachment.OwnerId);

    /// <summary>May the user list the attachments of this owner. An unknown owner type is a 400.</summary>
    public static Task<bool> CanSeeOwnerAsync(RendaDbContext db, CurrentUser user, string ownerType, string ownerId)
        => RuleOf(ownerType).CanSee(db, user, ownerId);

    /// <summary>May the user add an attachment to this owner. An unknown owner type is a 400.</summary>
    public static Task<bool> CanAttachAsync(RendaDbContext db, CurrentUser user, string ownerType, string ownerId)
        => RuleOf(ownerType).CanAttach(db, user, ownerId);

    private static Rule RuleOf(string ownerType)
        => Rules.TryGetValue(ownerType, out var rule) ? rule : throw DomainException.Invalid("ownerType", $"不支持的附件归属类型“{ownerType}”。");
}
