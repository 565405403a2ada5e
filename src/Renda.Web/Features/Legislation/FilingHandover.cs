using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Legislation;

/// <summary>The hand-over of a promulgated regulation to the congress above for filing (立法法 第一百零九条).</summary>
public class FilingHandover
{
    public int Id { get; set; }
    public int BillId { get; set; }
    public int ToCongressId { get; set; }
    public DateTime HandedOverAt { get; set; }
    /// <summary>The filing's id in the upper congress's filing work, once a receiver accepted it; null while none is registered.</summary>
    public int? ReceiverFilingId { get; set; }
    [MaxLength(200)] public string? Note { get; set; }
}
