namespace Renda.Web.Platform.People;

/// <summary>Masking of 身份证号 and phone numbers for anyone who does not need them in full.</summary>
public static class PersonalData
{
    /// <summary>632801199001011234 → 632801********1234: region and last four remain for recognition.</summary>
    public static string? MaskIdNumber(string? id) => id is null ? null
        : id.Length <= 10 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 10) + id[^4..];

    /// <summary>13912345678 → 139****5678.</summary>
    public static string? MaskPhone(string? phone) => phone is null ? null
        : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
