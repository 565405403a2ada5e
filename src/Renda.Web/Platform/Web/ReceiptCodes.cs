using System.Net.Mail;
using System.Security.Cryptography;
using Renda.Web.Platform.Notifications;

namespace Renda.Web.Platform.Web;

/// <summary>
/// Receipt codes (回执码) for what a citizen sends without an account — a draft comment, a review suggestion, a station opinion —
/// and later looks up. Ten characters of an alphabet without look-alikes (no 0/O, 1/I/L), so the code can be copied from a
/// phone or read over the telephone: 31^10 ≈ 8·10^14 values, drawn by the system's CSPRNG, which with the lookup's rate
/// limit (<see cref="PublicRateLimits"/>) leaves guessing a stored code hopeless. Stored in a unique index of each module.
/// </summary>
public static class ReceiptCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 10;

    public static string New() => string.Create(Length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });

    /// <summary>The code as typed: spaces and dashes dropped, upper case; null when it cannot be a code of any module.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var c = new string(typed.Where(ch => !char.IsWhiteSpace(ch) && ch != '-').ToArray()).ToUpperInvariant();
        return c.Length is >= 6 and <= 20 && c.All(char.IsAsciiLetterOrDigit) ? c : null;
    }

    /// <summary>The public receipt page of a site (any site answers for any code: codes are unique across congresses and modules).</summary>
    public static string Href(string congressCode, string code) => $"/p/{congressCode}/receipt?code={code}";

    /// <summary>
    /// Mails the receipt to the contact the citizen gave, when it is an e-mail address and mail is set up here. A failed send is
    /// logged and nothing else: what was submitted stands, and its code was shown on the page.
    /// </summary>
    public static async Task MailAsync(HttpContext http, string? contact, string subject, string body)
    {
        var to = contact?.Trim();
        if (string.IsNullOrEmpty(to) || !MailAddress.TryCreate(to, out var address) || address.Address != to) return;
        if (!http.RequestServices.GetRequiredService<EmailOutbox>().Enabled) return;
        try
        {
            await http.RequestServices.GetRequiredService<IEmailSender>().SendAsync(to, subject, body + "\n\n（本邮件由系统自动发送，请勿回复。）", http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReceiptCodes)).LogWarning(e, "Receipt mail failed");
        }
    }
}
