namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>Tables of budget online supervision (migration 0024_budget_monitoring onwards).</summary>
public static class BudgetMonitoringModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<BudgetUnit>(e =>
        {
            e.ToTable("BudgetUnits");
            e.HasIndex(u => new { u.CongressId, u.Code }).IsUnique();
        });
        b.Entity<BudgetClassification>(e =>
        {
            e.ToTable("BudgetClassifications");
            e.HasIndex(c => new { c.Kind, c.Code }).IsUnique();
        });
        b.Entity<BudgetProject>(e =>
        {
            e.ToTable("BudgetProjects");
            e.HasIndex(p => new { p.CongressId, p.Code }).IsUnique();
            e.HasIndex(p => p.BudgetUnitId);
        });
        b.Entity<BudgetBatch>(e =>
        {
            e.ToTable("BudgetBatches");
            e.HasIndex(x => new { x.CongressId, x.Kind, x.ExternalId }).IsUnique();
            e.HasIndex(x => new { x.CongressId, x.Year, x.Month });
            e.Property(x => x.AmountSum).HasPrecision(18, 2);
        });
        b.Entity<BudgetIndicator>(e =>
        {
            e.ToTable("BudgetIndicators");
            e.HasIndex(i => new { i.CongressId, i.Year, i.BudgetUnitId });
            e.HasIndex(i => new { i.CongressId, i.Year, i.DocumentNumber });
            e.HasIndex(i => i.BatchId);
            e.Property(i => i.Amount).HasPrecision(18, 2);
        });
        b.Entity<TreasuryPayment>(e =>
        {
            e.ToTable("TreasuryPayments");
            // The partition key is part of the key (PostgreSQL requires it of a partitioned table); the import assigns ids.
            e.HasKey(p => new { p.Year, p.Id });
            e.Property(p => p.Id).ValueGeneratedNever();
            e.HasIndex(p => new { p.CongressId, p.Year, p.VoucherNumber }).IsUnique();
            e.HasIndex(p => new { p.CongressId, p.Year, p.BudgetUnitId, p.PaidOn });
            e.HasIndex(p => new { p.CongressId, p.Year, p.ProjectId });
            e.HasIndex(p => p.BatchId);
            // The few payments to individuals, for the large-payment and split-payment rules without scanning the year (0027), in
            // the order the split-payment rule walks them (unit, payee, date) and, on PostgreSQL, covering what it reads (0037).
            e.HasIndex(p => new { p.CongressId, p.Year, p.BudgetUnitId, p.PayeeName, p.PaidOn, p.Id }, "IX_TreasuryPayments_Individuals")
                .HasFilter("\"PayeeKind\" = 'Individual'").IncludeProperties(p => new { p.Amount, p.ProjectId });
            // The drill-down pages a year's payments in (date, id) order by cursor (migration 0029); a payment's detail finds its refunds.
            e.HasIndex(p => new { p.CongressId, p.Year, p.PaidOn, p.Id });
            // The drill-down by a functional class or code: its prefix as a range, rows in (date, id) order for one code (0043).
            e.HasIndex(p => new { p.CongressId, p.Year, p.FunctionCode, p.PaidOn, p.Id });
            e.HasIndex(p => new { p.CongressId, p.ReversesVoucherNumber });
            e.Property(p => p.Amount).HasPrecision(18, 2);
        });
        b.Entity<BudgetExecutionMonthly>(e =>
        {
            e.ToTable("BudgetExecutionMonthly");
            e.HasIndex(x => new { x.CongressId, x.Year, x.Month, x.BudgetUnitId, x.ProjectId, x.FunctionCode, x.EconomicCode, x.FundNature, x.IndicatorDocumentNumber }).IsUnique();
            e.Property(x => x.Amount).HasPrecision(18, 2);
        });
        b.Entity<BudgetExecutionUnitMonthly>(e =>
        {
            e.ToTable("BudgetExecutionUnitMonthly");
            e.HasIndex(x => new { x.CongressId, x.Year, x.Month, x.BudgetUnitId, x.FunctionCode, x.FundNature }).IsUnique();
            e.Property(x => x.Amount).HasPrecision(18, 2);
        });
        b.Entity<BudgetExecutionUnitDaily>(e =>
        {
            e.ToTable("BudgetExecutionUnitDaily");
            e.HasIndex(x => new { x.CongressId, x.Year, x.Month, x.Day, x.BudgetUnitId, x.FunctionCode, x.FundNature }, "IX_BudgetExecutionUnitDaily_Cell").IsUnique();
            e.Property(x => x.Amount).HasPrecision(18, 2);
        });
        b.Entity<GovernmentDebt>(e =>
        {
            e.ToTable("GovernmentDebts");
            e.HasIndex(d => new { d.CongressId, d.Year, d.Kind });
            e.Property(d => d.Limit).HasPrecision(18, 2);
            e.Property(d => d.Balance).HasPrecision(18, 2);
        });
        b.Entity<DebtRepayment>(e =>
        {
            e.ToTable("DebtRepayments");
            e.HasIndex(d => new { d.CongressId, d.Year, d.DueOn });
            e.Property(d => d.AmountDue).HasPrecision(18, 2);
            e.Property(d => d.AmountPaid).HasPrecision(18, 2);
        });
        b.Entity<BudgetWarning>(e =>
        {
            e.ToTable("BudgetWarnings");
            e.HasIndex(w => new { w.CongressId, w.Fingerprint }).IsUnique();
            e.HasIndex(w => new { w.CongressId, w.Status });
            e.HasIndex(w => new { w.CongressId, w.Year, w.Rule });
            e.HasIndex(w => w.SentToHandlingUnitId);
            e.Property(w => w.Figure).HasPrecision(18, 2);
            e.Property(w => w.Threshold).HasPrecision(18, 2);
            e.HasMany(w => w.Evidence).WithOne().HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.Replies).WithOne().HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BudgetWarningEvidence>(e =>
        {
            e.ToTable("BudgetWarningEvidence");
            e.HasIndex(x => x.WarningId);
            e.HasIndex(x => new { x.Kind, x.Year, x.RecordId });
        });
        b.Entity<BudgetWarningReply>().ToTable("BudgetWarningReplies");
        b.Entity<BudgetWarningCitation>(e =>
        {
            e.ToTable("BudgetWarningCitations");
            e.HasIndex(x => new { x.WorkReportId, x.WarningId }).IsUnique();
            e.HasIndex(x => x.WarningId);
            e.HasOne<BudgetWarning>().WithMany().HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WarningRule>(e =>
        {
            e.ToTable("WarningRules");
            e.HasIndex(r => new { r.CongressId, r.Kind }).IsUnique();
            e.Property(r => r.Threshold).HasPrecision(18, 2);
            e.Property(r => r.SecondThreshold).HasPrecision(18, 2);
        });
        b.Entity<BudgetSettings>().ToTable("BudgetSettings").HasIndex(s => s.CongressId).IsUnique();
    }
}
