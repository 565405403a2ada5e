using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.BudgetMonitoring;

public enum BudgetDataKind { Indicators = 1, Payments = 2, Debt = 3 }

/// <summary>How a batch arrived: uploaded by staff, pushed by the finance bureau's system, the command line, the demo loader.</summary>
public enum BudgetChannel { Upload = 1, Push = 2, CommandLine = 3, Demo = 4 }

/// <summary>
/// One applied batch of the finance bureau's data. A batch is written completely or not at all, so only applied batches are
/// stored. Sending the same batch again (same ExternalId, same content hash) writes nothing; a correction batch replaces the
/// rows of one month of one unit.
/// </summary>
public class BudgetBatch
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public BudgetDataKind Kind { get; set; }
    public BudgetChannel Channel { get; set; }
    /// <summary>The sender's batch id (批次号); for an upload, the file's content hash.</summary>
    [MaxLength(64)] public required string ExternalId { get; set; }
    [MaxLength(64)] public required string ContentHash { get; set; }
    [MaxLength(200)] public string? FileName { get; set; }
    public int Year { get; set; }
    /// <summary>The month a payments batch covers (null: the file spans months); with CorrectsUnitId, the month it replaces.</summary>
    public int? Month { get; set; }
    /// <summary>A correction batch replaces this unit's rows of Month.</summary>
    public int? CorrectsBudgetUnitId { get; set; }
    public int RowCount { get; set; }
    public decimal AmountSum { get; set; }
    public DateTime ReceivedAt { get; set; }
    public int? AccountId { get; set; }
}

/// <summary>What a batch could change, so that aggregates and warning rules redo only that (issue 17: "only over what the batch could change").</summary>
public sealed record BudgetBatchScope(int CongressId, BudgetDataKind Kind, int Year, IReadOnlySet<int> Months, IReadOnlySet<int> BudgetUnitIds);
