using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Legislation;

/// <summary>修改理由 of one row of a comparison between two versions (keyed by the stable node id of the row).</summary>
public class ComparisonReason
{
    public int Id { get; set; }
    public int BillId { get; set; }
    public int FromVersionId { get; set; }
    public int ToVersionId { get; set; }
    [MaxLength(32)] public required string RowKey { get; set; }
    [MaxLength(2000)] public required string Reason { get; set; }
}
