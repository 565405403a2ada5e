using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Platform.Notifications;

/// <summary>A message in one user's in-app inbox, written by modules (a deadline falling due, an assignment …).</summary>
public class Notification
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(2000)] public string? Body { get; set; }
    /// <summary>A local link to the record concerned.</summary>
    [MaxLength(300)] public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
