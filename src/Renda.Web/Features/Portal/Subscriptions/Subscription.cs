using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Features.Portal;

/// <summary>Requested (a confirmation mail is out) → Confirmed (mailed new items) → Ended (unsubscribed, or never confirmed).</summary>
public enum SubscriptionStatus { Requested = 1, Confirmed = 2, Ended = 3 }

/// <summary>The steps of a subscription (the rows of <see cref="Subscription.Machine"/>).</summary>
public enum SubscriptionAction { Confirm = 1, Unsubscribe = 2 }

/// <summary>
/// An e-mail subscription to a section of a public site, optionally narrowed to a keyword (double opt-in: nothing is mailed
/// until the address's owner follows the confirmation link; a request not confirmed within <see cref="ConfirmDays"/> days
/// expires). Not in the audit chain (<see cref="INotAudited"/>): the address is a citizen's personal data, no staff act is
/// recorded here, and an ended subscription's address must be erasable, which an append-only chain would prevent.
/// </summary>
public class Subscription : INotAudited
{
    public static readonly StateMachine<SubscriptionStatus, SubscriptionAction> Machine = new("该订阅", PortalLabels.Of,
        Allow.Row(SubscriptionAction.Confirm, "确认订阅", ActorKinds.Anyone, SubscriptionStatus.Requested),
        Allow.Row(SubscriptionAction.Unsubscribe, "退订", ActorKinds.Anyone, SubscriptionStatus.Requested, SubscriptionStatus.Confirmed));

    public const int ConfirmDays = 7;
    public const int MaxKeyword = 30;

    public int Id { get; set; }
    public int CongressId { get; set; }
    /// <summary>A feed's section (<see cref="PortalFeeds"/>), or "all" for a keyword over every section.</summary>
    [MaxLength(20)] public required string Section { get; set; }
    [MaxLength(MaxKeyword)] public string? Keyword { get; set; }
    [MaxLength(254)] public required string Email { get; set; }
    public SubscriptionStatus Status { get; private set; } = SubscriptionStatus.Requested;
    /// <summary>SHA-256 of the single-use confirmation token; cleared once used.</summary>
    [MaxLength(64)] public string? ConfirmTokenHash { get; private set; }
    /// <summary>
    /// The token of the unsubscribe link carried by every mail. Kept as it is (not hashed) because each mail must carry it; its
    /// only power is to end this one subscription.
    /// </summary>
    [MaxLength(64)] public string UnsubscribeToken { get; private set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    public bool Can(SubscriptionAction action) => Machine.Can(Status, action);

    /// <summary>A new request and its confirmation token (to be mailed, never stored).</summary>
    public static (Subscription Subscription, string ConfirmToken) Request(int congressId, string section, string? keyword, string email, DateTime now)
    {
        var token = Token();
        return (new Subscription
        {
            CongressId = congressId, Section = section, Keyword = keyword, Email = email, CreatedAt = now,
            ConfirmTokenHash = Hash(token), UnsubscribeToken = Token(),
        }, token);
    }

    public bool Expired(DateTime now) => Status == SubscriptionStatus.Requested && now > CreatedAt.AddDays(ConfirmDays);

    public void Confirm(DateTime now)
    {
        Machine.Require(Status, SubscriptionAction.Confirm);
        if (Expired(now)) throw DomainException.Conflict($"确认链接已过期（{ConfirmDays} 日内有效），请重新订阅。");
        Status = SubscriptionStatus.Confirmed;
        ConfirmTokenHash = null;
        ConfirmedAt = now;
    }

    public void Unsubscribe(DateTime now)
    {
        Machine.Require(Status, SubscriptionAction.Unsubscribe);
        Status = SubscriptionStatus.Ended;
        ConfirmTokenHash = null;
        EndedAt = now;
    }

    public static string Token() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>One item mailed to one subscription: the record that makes the sender mail each item once.</summary>
public class SubscriptionDelivery : INotAudited
{
    public int Id { get; set; }
    public int SubscriptionId { get; set; }
    [MaxLength(80)] public required string ItemKey { get; set; }
    public DateTime SentAt { get; set; }
}
