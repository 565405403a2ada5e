using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Platform.Attachments;

/// <summary>
/// A stored file belonging to one record (OwnerType/OwnerId). The content type is decided from
/// the file's bytes, never from its name; the SHA-256 is kept to prove the file unchanged.
/// </summary>
public class Attachment
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    [MaxLength(50)] public required string OwnerType { get; set; }
    [MaxLength(50)] public required string OwnerId { get; set; }
    [MaxLength(255)] public required string FileName { get; set; }
    [MaxLength(100)] public required string ContentType { get; set; }
    public long Size { get; set; }
    [MaxLength(64)] public required string Sha256 { get; set; }
    /// <summary>Path relative to the attachment root; the name is the hash, so no user input reaches the file system.</summary>
    [MaxLength(300)] public required string StoragePath { get; set; }
    public int? UploadedByAccountId { get; set; }
    public DateTime UploadedAt { get; set; }
}
