using System.Security.Cryptography;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>Who sent a batch and how: the sender's batch id (for an upload, the file's hash) and what a pushed batch declares.</summary>
public sealed record BudgetBatchInput(int CongressId, BudgetDataKind Kind, BudgetChannel Channel, string ExternalId, string ContentHash,
    string? FileName = null, int? Year = null, int? Month = null, string? CorrectsUnitCode = null, int? AccountId = null);

/// <summary>An applied batch (or the one already applied under the same id and content), or every wrong row.</summary>
public sealed record BudgetImportOutcome(BudgetBatch? Batch, bool AlreadyImported, IReadOnlyList<BudgetRowError> Errors)
{
    public bool Succeeded => Batch is not null;
}

/// <summary>
/// Applies one batch of the finance bureau's data, completely or not at all (one transaction; a refused batch writes nothing and
/// names every wrong row). Units and projects are created from indicator batches (a new 预算单位编码 or 项目编码 with its name);
/// payments must name a unit and project already known, and every batch's classification codes must be national codes. The
/// same batch id with the same content is answered with the batch already applied; with other content it is refused.
/// </summary>
public static class BudgetImport
{
    public const int MaxErrors = 10_000;

    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static async Task<BudgetImportOutcome> RunAsync(RendaDbContext db, WorkCalendar calendar, BudgetBatchInput input, BudgetSheet table,
        IProgress<long>? progress, CancellationToken ct)
    {
        await BudgetReferenceData.EnsureLoadedAsync(db, ct);
        if (await ExistingAsync(db, input, ct) is { } existing)
            return new BudgetImportOutcome(existing, true, []);
        var errors = new List<BudgetRowError>();
        var map = BudgetColumns.MapHeader(input.Kind, table.Header, errors);
        if (errors.Count > 0) return Refused(errors);

        using var rows = table.Rows.GetEnumerator();
        var first = rows.MoveNext() ? rows.Current : (BudgetSheetRow?)null;
        if (first is null)
            return Refused([new BudgetRowError(2, "（数据行）", "文件中没有数据行")]);
        var year = input.Year ?? YearOf(input.Kind, map, first.Value);
        if (year is not (>= 2000 and <= 2100))
            return Refused([new BudgetRowError(first.Value.Number, BudgetColumns.Year, "无法确定预算年度：请填写预算年度")]);
        var all = Prepend(first.Value, rows);
        var reader = new BudgetColumns.Reader(map, errors);
        var codes = await BudgetReferenceData.CodesAsync(db, ct);

        var batch = new BudgetBatch
        {
            CongressId = input.CongressId, Kind = input.Kind, Channel = input.Channel, ExternalId = input.ExternalId, ContentHash = input.ContentHash,
            FileName = input.FileName, Year = year.Value, Month = input.Month, AccountId = input.AccountId, ReceivedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var scope = input.Kind switch
        {
            BudgetDataKind.Indicators => await IndicatorsAsync(db, batch, all, reader, codes, errors, ct),
            BudgetDataKind.Payments => await PaymentsAsync(db, batch, input, all, reader, codes, errors, progress, ct),
            _ => await DebtAsync(db, batch, all, reader, errors, ct),
        };
        if (errors.Count > 0 || scope is null)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Refused(errors);
        }
        if (input.Kind == BudgetDataKind.Payments)
            await BudgetDataClocks.ReceivedAsync(db, calendar, input.CongressId, batch.Year, scope.Months, ct);
        await db.SaveChangesAsync(ct);
        await BudgetBatchEffects.ApplyAsync(db, scope, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BudgetImportOutcome(batch, false, []);
    }

    private static async Task<BudgetBatch?> ExistingAsync(RendaDbContext db, BudgetBatchInput input, CancellationToken ct)
    {
        var existing = await db.Set<BudgetBatch>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.CongressId == input.CongressId && b.Kind == input.Kind && b.ExternalId == input.ExternalId, ct);
        if (existing is null || existing.ContentHash == input.ContentHash) return existing;
        throw DomainException.Conflict($"批次号“{input.ExternalId}”已于 {existing.ReceivedAt.AddHours(8):yyyy-MM-dd HH:mm} 导入过内容不同的数据，不能覆盖；更正数据请以新的批次号发送更正批次。");
    }

    private static BudgetImportOutcome Refused(List<BudgetRowError> errors)
        => new(null, false, errors.OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal).Take(MaxErrors).ToList());

    private static IEnumerable<BudgetSheetRow> Prepend(BudgetSheetRow first, IEnumerator<BudgetSheetRow> rest)
    {
        yield return first;
        while (rest.MoveNext()) yield return rest.Current;
    }

    /// <summary>The budget year, when the sender does not state it: the 预算年度 column, else the year of the first row's date.</summary>
    private static int? YearOf(BudgetDataKind kind, Dictionary<string, int> map, BudgetSheetRow row)
    {
        var probe = new BudgetColumns.Reader(map, []);
        probe.Start(row);
        if (probe.Integer(BudgetColumns.Year) is { } y) return y;
        var dateColumn = kind switch { BudgetDataKind.Indicators => BudgetColumns.Effective, BudgetDataKind.Payments => BudgetColumns.PaidOn, _ => BudgetColumns.AsOf };
        return (probe.Date(dateColumn, false) ?? probe.Date(BudgetColumns.DueOn, false))?.Year;
    }

    private static void CheckCodes(BudgetColumns.Reader r, Dictionary<ClassificationKind, HashSet<string>> codes, string function, string economic)
    {
        if (function.Length > 0 && !codes[ClassificationKind.Functional].Contains(function))
            r.Fail(BudgetColumns.Function, $"“{function}”不是政府收支分类科目中的支出功能分类编码");
        if (economic.Length > 0 && !codes[ClassificationKind.Economic].Contains(economic))
            r.Fail(BudgetColumns.Economic, $"“{economic}”不是政府收支分类科目中的支出经济分类编码");
    }

    private static void CheckYear(BudgetColumns.Reader r, string column, DateOnly date, int year)
    {
        if (date != default && date.Year != year)
            r.Fail(column, $"{date:yyyy-MM-dd} 不在预算年度 {year} 年内");
    }

    private static async Task<BudgetBatchScope?> IndicatorsAsync(RendaDbContext db, BudgetBatch batch, IEnumerable<BudgetSheetRow> rows, BudgetColumns.Reader r,
        Dictionary<ClassificationKind, HashSet<string>> codes, List<BudgetRowError> errors, CancellationToken ct)
    {
        var lines = new List<IndicatorLine>();
        foreach (var row in rows)
        {
            r.Start(row);
            var line = BudgetColumns.Indicator(r);
            CheckCodes(r, codes, line.FunctionCode, line.EconomicCode);
            CheckYear(r, BudgetColumns.Effective, line.EffectiveOn, batch.Year);
            if (r.Errors == 0) lines.Add(line);
        }
        var units = await db.Set<BudgetUnit>().Where(u => u.CongressId == batch.CongressId).ToDictionaryAsync(u => u.Code, ct);
        var handlingUnits = await db.HandlingUnits.AsNoTracking().Where(h => h.CongressId == batch.CongressId).ToDictionaryAsync(h => h.Name, h => h.Id, ct);
        foreach (var line in lines.Where(l => !units.ContainsKey(l.UnitCode)))
        {
            // A unit the congress has not seen: created from the indicator, linked to the handling unit of the same name.
            var unit = new BudgetUnit { CongressId = batch.CongressId, Code = line.UnitCode, Name = line.UnitName, HandlingUnitId = handlingUnits.TryGetValue(line.UnitName, out var h) ? h : null };
            db.Set<BudgetUnit>().Add(unit);
            units[line.UnitCode] = unit;
        }
        if (errors.Count > 0) return null;
        db.Set<BudgetBatch>().Add(batch);
        await db.SaveChangesAsync(ct);
        var projects = await db.Set<BudgetProject>().Where(p => p.CongressId == batch.CongressId).ToDictionaryAsync(p => p.Code, ct);
        foreach (var line in lines)
        {
            var unit = units[line.UnitCode];
            if (line.ProjectCode is not { } code) continue;
            if (!projects.TryGetValue(code, out var project))
            {
                if (line.ProjectName is null)
                {
                    errors.Add(new BudgetRowError(line.Row, BudgetColumns.ProjectName, $"新项目“{code}”须填写项目名称"));
                    continue;
                }
                project = new BudgetProject { CongressId = batch.CongressId, BudgetUnitId = unit.Id, Code = code, Name = line.ProjectName, Kind = line.ProjectKind ?? "项目支出" };
                db.Set<BudgetProject>().Add(project);
                projects[code] = project;
            }
            else if (project.BudgetUnitId != unit.Id)
                errors.Add(new BudgetRowError(line.Row, BudgetColumns.ProjectCode, $"项目“{code}”属于其他预算单位，不属于“{line.UnitCode}”"));
        }
        if (errors.Count > 0) return null;
        await db.SaveChangesAsync(ct);
        foreach (var line in lines)
            db.Set<BudgetIndicator>().Add(new BudgetIndicator
            {
                CongressId = batch.CongressId, BatchId = batch.Id, Year = batch.Year, DocumentNumber = line.DocumentNumber, BudgetUnitId = units[line.UnitCode].Id,
                FunctionCode = line.FunctionCode, EconomicCode = line.EconomicCode, ProjectId = line.ProjectCode is { } c ? projects[c].Id : null,
                FundNature = line.FundNature, Source = line.Source, Adjustment = line.Adjustment, Amount = line.Amount, EffectiveOn = line.EffectiveOn,
            });
        batch.RowCount = lines.Count;
        batch.AmountSum = lines.Sum(l => l.Amount);
        var months = lines.Select(l => l.EffectiveOn.Month).ToHashSet();
        batch.Month = months.Count == 1 ? months.First() : null;
        return new BudgetBatchScope(batch.CongressId, batch.Kind, batch.Year, months, lines.Select(l => units[l.UnitCode].Id).ToHashSet());
    }

    private static async Task<BudgetBatchScope?> PaymentsAsync(RendaDbContext db, BudgetBatch batch, BudgetBatchInput input, IEnumerable<BudgetSheetRow> rows,
        BudgetColumns.Reader r, Dictionary<ClassificationKind, HashSet<string>> codes, List<BudgetRowError> errors, IProgress<long>? progress, CancellationToken ct)
    {
        var units = await db.Set<BudgetUnit>().AsNoTracking().Where(u => u.CongressId == batch.CongressId).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.CongressId == batch.CongressId)
            .ToDictionaryAsync(p => p.Code, p => (p.Id, p.BudgetUnitId), ct);
        int? correctedUnit = null;
        if (input.CorrectsUnitCode is { } correctsCode)
        {
            if (input.Month is not (>= 1 and <= 12))
                throw DomainException.Invalid("month", "更正批次须指明所更正的月份（1–12）。");
            if (!units.TryGetValue(correctsCode, out var id))
                throw DomainException.Invalid("correctsUnitCode", $"更正批次所指的预算单位编码“{correctsCode}”不存在。");
            correctedUnit = id;
            batch.CorrectsBudgetUnitId = id;
        }
        // SQLite writes row by row, so the batch row comes first; PostgreSQL saves it after the COPY, so that the audit lock a
        // save takes is not held while a million rows stream in — its id is reserved now, as the rows carry it.
        if (db.Provider != DatabaseProvider.Postgres)
        {
            db.Set<BudgetBatch>().Add(batch);
            await db.SaveChangesAsync(ct);
        }
        else
            batch.Id = (await db.Database.SqlQueryRaw<int>("SELECT CAST(nextval(pg_get_serial_sequence('\"BudgetBatches\"', 'Id')) AS integer) AS \"Value\"").ToListAsync(ct))[0];
        if (correctedUnit is { } unitId)
        {
            var (from, to) = (new DateOnly(batch.Year, input.Month!.Value, 1), new DateOnly(batch.Year, input.Month.Value, 1).AddMonths(1));
            await db.Set<TreasuryPayment>().Where(p => p.CongressId == batch.CongressId && p.Year == batch.Year && p.BudgetUnitId == unitId && p.PaidOn >= from && p.PaidOn < to)
                .ExecuteDeleteAsync(ct);
        }
        await using var writer = await BudgetPaymentWriter.OpenAsync(db, batch.CongressId, batch.Year, ct);
        writer.UseBatch(batch.Id);
        var months = new HashSet<int>();
        var touched = new HashSet<int>();
        long count = 0;
        var sum = 0m;
        foreach (var row in rows)
        {
            r.Start(row);
            if (++count % 10_000 == 0) progress?.Report(count);
            var line = BudgetColumns.Payment(r);
            CheckCodes(r, codes, line.FunctionCode, line.EconomicCode);
            CheckYear(r, BudgetColumns.PaidOn, line.PaidOn, batch.Year);
            if (!units.TryGetValue(line.UnitCode, out var unit) && line.UnitCode.Length > 0)
                r.Fail(BudgetColumns.UnitCode, $"未知的预算单位编码“{line.UnitCode}”（预算单位随预算指标导入）");
            int? projectId = null;
            if (line.ProjectCode is { } code)
            {
                if (!projects.TryGetValue(code, out var project))
                    r.Fail(BudgetColumns.ProjectCode, $"未知的项目编码“{code}”（项目随预算指标导入）");
                else if (unit != 0 && project.BudgetUnitId != unit)
                    r.Fail(BudgetColumns.ProjectCode, $"项目“{code}”不属于预算单位“{line.UnitCode}”");
                else
                    projectId = project.Id;
            }
            if (input.Month is { } month && line.PaidOn.Month != month && line.PaidOn.Year == batch.Year)
                r.Fail(BudgetColumns.PaidOn, $"{line.PaidOn:yyyy-MM-dd} 不在本批所报的 {month} 月内");
            if (correctedUnit is { } cu && unit != 0 && unit != cu)
                r.Fail(BudgetColumns.UnitCode, $"更正批次只能包含预算单位“{input.CorrectsUnitCode}”的支付");
            // A refused batch still writes its valid rows (rolled back at the end), so that duplicate and refund checks see them all.
            if (r.Errors > 0)
                continue;
            writer.Add(new PaymentRecord(writer.NextId(), line, unit, projectId));
            months.Add(line.PaidOn.Month);
            touched.Add(unit);
            sum += line.Amount;
        }
        progress?.Report(count);
        await writer.EndAsync(ct);
        errors.AddRange(writer.TakeErrors());
        if (errors.Count > 0)
        {
            await writer.NameDuplicatesAsync(ct);
            errors.AddRange(writer.TakeErrors());
            return null;
        }
        if (count == 0 && correctedUnit is null)
        {
            errors.Add(new BudgetRowError(2, "（数据行）", "文件中没有数据行"));
            return null;
        }
        if (db.Provider == DatabaseProvider.Postgres)
        {
            db.Set<BudgetBatch>().Add(batch);
            await db.SaveChangesAsync(ct);
        }
        await writer.CommitAsync(batch.Id, ct);
        errors.AddRange(writer.TakeErrors());
        if (errors.Count > 0) return null;
        batch.RowCount = (int)count;
        batch.AmountSum = sum;
        if (correctedUnit is { } corrected)
        {
            months.Add(input.Month!.Value);
            touched.Add(corrected);
        }
        batch.Month ??= months.Count == 1 ? months.First() : null;
        return new BudgetBatchScope(batch.CongressId, batch.Kind, batch.Year, months, touched);
    }

    /// <summary>
    /// A debt batch is the bureau's current statement: a (year, kind) position and a (kind, bond, due date) repayment are
    /// updated in place when sent again, so a repayment keeps its id (and the warnings naming it) when it is later paid.
    /// </summary>
    private static async Task<BudgetBatchScope?> DebtAsync(RendaDbContext db, BudgetBatch batch, IEnumerable<BudgetSheetRow> rows, BudgetColumns.Reader r,
        List<BudgetRowError> errors, CancellationToken ct)
    {
        var lines = new List<DebtLine>();
        foreach (var row in rows)
        {
            r.Start(row);
            var line = BudgetColumns.Debt(r);
            if (line.AsOf is { } asOf) CheckYear(r, BudgetColumns.AsOf, asOf, batch.Year);
            if (line.DueOn is { } due) CheckYear(r, BudgetColumns.DueOn, due, batch.Year);
            if (r.Errors == 0) lines.Add(line);
        }
        if (errors.Count > 0) return null;
        db.Set<BudgetBatch>().Add(batch);
        await db.SaveChangesAsync(ct);
        var positions = await db.Set<GovernmentDebt>().Where(d => d.CongressId == batch.CongressId && d.Year == batch.Year).ToListAsync(ct);
        var repayments = await db.Set<DebtRepayment>().Where(d => d.CongressId == batch.CongressId && d.Year == batch.Year).ToListAsync(ct);
        foreach (var line in lines)
        {
            if (line.Record == DebtRecordKind.Position)
            {
                var p = positions.FirstOrDefault(x => x.Kind == line.Kind);
                if (p is null)
                {
                    p = new GovernmentDebt { CongressId = batch.CongressId, Year = batch.Year, Kind = line.Kind };
                    db.Set<GovernmentDebt>().Add(p);
                    positions.Add(p);
                }
                (p.BatchId, p.Limit, p.Balance, p.AsOf) = (batch.Id, line.Limit, line.Balance, line.AsOf!.Value);
                continue;
            }
            var d = repayments.FirstOrDefault(x => x.Kind == line.Kind && x.Instrument == line.Instrument && x.DueOn == line.DueOn);
            if (d is null)
            {
                d = new DebtRepayment { CongressId = batch.CongressId, Year = batch.Year, Kind = line.Kind, Instrument = line.Instrument!, DueOn = line.DueOn!.Value };
                db.Set<DebtRepayment>().Add(d);
                repayments.Add(d);
            }
            (d.BatchId, d.AmountDue, d.PaidOn, d.AmountPaid) = (batch.Id, line.AmountDue, line.PaidOn, line.AmountPaid);
        }
        batch.RowCount = lines.Count;
        batch.AmountSum = lines.Sum(l => l.Record == DebtRecordKind.Position ? l.Balance : l.AmountPaid);
        return new BudgetBatchScope(batch.CongressId, batch.Kind, batch.Year, Enumerable.Range(1, 12).ToHashSet(), new HashSet<int>());
    }
}
