using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Renda.Web.Platform.Attachments;

/// <summary>A file type the platform accepts: decided from the bytes; the name's extension must agree.</summary>
public sealed record AttachmentType(string ContentType, string Label, params string[] Extensions);

/// <summary>
/// Stores uploaded files under the attachment root (Renda:AttachmentsDir, default
/// &lt;Renda:DataDir&gt;/attachments). A file is streamed to a temporary file while it is hashed and
/// counted, its type is decided from its bytes, and only a valid file is moved into place, named by
/// its SHA-256 in sharded folders (ab/cd/abcd…) — no user input ever reaches a path. Identical
/// content is stored once. Callers check AttachmentAccess before saving.
/// </summary>
public sealed class AttachmentStore(RendaDbContext db, IConfiguration config)
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public static readonly AttachmentType Pdf = new("application/pdf", "PDF", ".pdf");
    public static readonly AttachmentType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", ".docx");
    public static readonly AttachmentType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", ".xlsx");
    public static readonly AttachmentType Png = new("image/png", "PNG", ".png");
    public static readonly AttachmentType Jpeg = new("image/jpeg", "JPEG", ".jpg", ".jpeg");
    public static readonly AttachmentType Gif = new("image/gif", "GIF", ".gif");
    public static readonly AttachmentType Webp = new("image/webp", "WebP", ".webp");

    public const string UnsupportedMessage = "不支持的文件类型：只接受 PDF、Word（.docx）、Excel（.xlsx）文档和 PNG、JPEG、GIF、WebP 图片。";

    public string Root { get; } = RootOf(config);

    public static string RootOf(IConfiguration config)
    {
        var root = config["Renda:AttachmentsDir"] is { Length: > 0 } dir ? dir : Path.Combine(Database.DataDir(config), "attachments");
        Directory.CreateDirectory(root);
        return Path.GetFullPath(root);
    }

    /// <summary>
    /// Validates and stores a file and records it. Refuses (DomainException.Invalid on "file") an
    /// empty or oversized file, an unsupported type, and a name whose extension contradicts the content.
    /// </summary>
    public async Task<Attachment> SaveAsync(Stream content, string fileName, int congressId, string ownerType, string ownerId, int? uploadedByAccountId, CancellationToken ct = default)
    {
        var name = CleanFileName(fileName);
        var tempDir = Directory.CreateDirectory(Path.Combine(Root, ".tmp")).FullName;
        var temp = Path.Combine(tempDir, Guid.NewGuid().ToString("N"));
        try
        {
            var (size, sha256) = await CopyHashedAsync(content, temp, ct);
            if (size == 0)
                throw DomainException.Invalid("file", "文件为空。");
            var type = Detect(temp) ?? throw DomainException.Invalid("file", UnsupportedMessage);
            var extension = Path.GetExtension(name).ToLowerInvariant();
            if (extension.Length == 0)
                name += type.Extensions[0];
            else if (!type.Extensions.Contains(extension))
                throw DomainException.Invalid("file", $"文件内容与扩展名不符：内容是 {type.Label}，扩展名却是 {extension}。");

            var relative = Path.Combine(sha256[..2], sha256[2..4], sha256);
            var final = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (!File.Exists(final))
            {
                try { File.Move(temp, final); }
                catch (IOException) when (File.Exists(final)) { /* the same content arrived concurrently: one copy is enough */ }
            }

            var attachment = new Attachment
            {
                CongressId = congressId, OwnerType = ownerType, OwnerId = ownerId, FileName = name, ContentType = type.ContentType,
                Size = size, Sha256 = sha256, StoragePath = relative.Replace('\\', '/'), UploadedByAccountId = uploadedByAccountId,
                UploadedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            return attachment;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The stored file of an attachment, opened for reading.</summary>
    public FileStream Open(Attachment attachment)
    {
        var path = Path.GetFullPath(Path.Combine(Root, attachment.StoragePath));
        // StoragePath is written by SaveAsync only; this guards against a tampered row pointing outside the root.
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw DomainException.NotFound("附件文件不存在。");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    /// <summary>Copies to the temporary file while hashing; stops as soon as the limit is passed, so nothing large is kept.</summary>
    private static async Task<(long Size, string Sha256)> CopyHashedAsync(Stream content, string temp, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > MaxBytes)
                throw DomainException.Invalid("file", TooLargeMessage);
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static string TooLargeMessage => $"文件超过 {MaxBytes / 1024 / 1024} MB 上限，未保存。";

    /// <summary>The type by magic bytes; Office files are ZIPs told apart by their main part.</summary>
    public static AttachmentType? Detect(string path)
    {
        var head = new byte[16];
        int count;
        using (var f = File.OpenRead(path))
            count = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head.AsSpan(0, count);
        if (h.StartsWith("%PDF-"u8)) return Pdf;
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return Gif;
        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (h.StartsWith("PK\x03\x04"u8))
        {
            try
            {
                using var zip = ZipFile.OpenRead(path);
                if (zip.GetEntry("word/document.xml") is not null) return Docx;
                if (zip.GetEntry("xl/workbook.xml") is not null) return Xlsx;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>The name as shown and offered on download: no folders, no control characters, at most 255 characters.</summary>
    private static string CleanFileName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0 || name is "." or "..") name = "附件";
        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            name = extension.Length > 16 ? name[..255] : name[..(255 - extension.Length)] + extension;
        }
        return name;
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
