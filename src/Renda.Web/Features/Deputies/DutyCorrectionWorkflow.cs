using Renda.Web.Platform.People;
using Renda.Web.Platform.Notifications;

namespace Renda.Web.Features.Deputies;

public sealed record DutyCorrectionInput(int? DutyRecordId, string? Kind, DateOnly? On, string? Title, string? Reason);

/// <summary>The steps of a correction request: the deputy asks, staff accept (the archive changes in the same save) or reject.</summary>
public static class DutyCorrectionWorkflow
{
    public static async Task<DutyCorrectionRequest> RequestAsync(RendaDbContext db, DutyArchiveActor actor, int deputyId, DutyCorrectionInput input, CancellationToken ct)
    {
        await actor.RequireOwnAsync(db, deputyId, ct);
        var reason = Required("reason", input.Reason, "申请理由", DutyCorrectionRequest.MaxText);
        var today = WorkCalendar.Today(db.Clock);
        var request = new DutyCorrectionRequest
        {
            CongressId = actor.CongressId, DeputyId = deputyId, Reason = reason, RequestedByAccountId = actor.AccountId, RequestedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        if (input.DutyRecordId is { } recordId)
        {
            if (!await db.Set<DutyRecord>().AnyAsync(r => r.Id == recordId && r.DeputyId == deputyId, ct))
                throw DomainException.Invalid("dutyRecordId", "该履职记录不在本人的档案中。");
            if (input.On is null && string.IsNullOrWhiteSpace(input.Title))
                throw DomainException.Invalid("on", "请填写更正后的日期或事项。");
            if (input.Kind is not null) throw DomainException.Invalid("kind", "已有记录的类别由其来源决定，不能更正；如类别有误，请申请补录并说明。");
            request.DutyRecordId = recordId;
            request.On = CheckDate(input.On, today, required: false);
            request.Title = string.IsNullOrWhiteSpace(input.Title) ? null : Required("title", input.Title, "事项", 300);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(input.Kind)) throw DomainException.Invalid("kind", "请选择漏记的履职活动类别。");
            if (!DutyKinds.All.Contains(input.Kind)) throw DomainException.Invalid("kind", $"“{input.Kind}”不是履职记录的类别。");
            request.Kind = input.Kind;
            request.On = CheckDate(input.On, today, required: true);
            request.Title = Required("title", input.Title, "事项", 300);
        }
        db.Add(request);
        await NotifyStaffAsync(db, request, ct);
        await db.SaveChangesAsync(ct);
        return request;
    }

    public static async Task AcceptAsync(RendaDbContext db, DutyArchiveActor actor, int id, string? decision, CancellationToken ct)
    {
        var request = await LoadAsync(db, actor, id, ct);
        DutyCorrectionRequest.Machine.Require(request.Status, DutyCorrectionAction.Accept, actor);
        var text = Required("decision", decision, "处理意见", DutyCorrectionRequest.MaxText);
        request.Accept(text, actor.AccountId, db.Clock.GetUtcNow().UtcDateTime);
        if (request.DutyRecordId is { } recordId)
        {
            var record = await db.Set<DutyRecord>().FirstOrDefaultAsync(r => r.Id == recordId, ct)
                ?? throw DomainException.Conflict("该履职记录已不存在（来源事项已撤销），请不予更正并说明。");
            if (request.On is { } on) record.On = on;
            if (request.Title is { } title) record.Title = title;
        }
        else
            db.Add(new DutyRecord { DeputyId = request.DeputyId, On = request.On!.Value, Kind = request.Kind!, Title = request.Title!, SourceType = DutyCorrectionRequest.Subject, SourceId = request.Id });
        NotifyDeputy(db, request);
        await db.SaveChangesAsync(ct);
    }

    public static async Task RejectAsync(RendaDbContext db, DutyArchiveActor actor, int id, string? decision, CancellationToken ct)
    {
        var request = await LoadAsync(db, actor, id, ct);
        DutyCorrectionRequest.Machine.Require(request.Status, DutyCorrectionAction.Reject, actor);
        request.Reject(Required("decision", decision, "不予更正的理由", DutyCorrectionRequest.MaxText), actor.AccountId, db.Clock.GetUtcNow().UtcDateTime);
        NotifyDeputy(db, request);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<DutyCorrectionRequest> LoadAsync(RendaDbContext db, DutyArchiveActor actor, int id, CancellationToken ct)
    {
        var request = await db.Set<DutyCorrectionRequest>().FirstOrDefaultAsync(r => r.Id == id && r.CongressId == actor.CongressId, ct)
            ?? throw DomainException.NotFound("没有找到该更正申请。");
        return request;
    }

    private static DateOnly? CheckDate(DateOnly? on, DateOnly today, bool required)
    {
        if (on is null) return required ? throw DomainException.Invalid("on", "请填写履职日期。") : null;
        if (on > today) throw DomainException.Invalid("on", "履职日期不能晚于今天。");
        if (on.Value.Year < 1979) throw DomainException.Invalid("on", "履职日期无效。");
        return on;
    }

    internal static string Required(string field, string? value, string label, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) throw DomainException.Invalid(field, $"请填写{label}。");
        if (text.Length > max) throw DomainException.Invalid(field, $"{label}不超过 {max} 个字（现 {text.Length} 个字）。");
        return text;
    }

    private static async Task NotifyStaffAsync(RendaDbContext db, DutyCorrectionRequest r, CancellationToken ct)
    {
        var staff = await db.Accounts.Where(a => a.CongressId == r.CongressId && a.Enabled && a.Roles.Any(x => x.Role == Role.CommitteeStaff)).Select(a => a.Id).ToListAsync(ct);
        if (staff.Count > 0)
            Notifier.Notify(db, staff, "代表申请更正履职档案", r.Reason, "/deputies/corrections");
    }

    private static void NotifyDeputy(RendaDbContext db, DutyCorrectionRequest r)
        => Notifier.Notify(db, r.RequestedByAccountId, $"履职档案更正申请：{DutyArchiveLabels.Of(r.Status)}", r.Decision, "/deputies/me/archive");
}
