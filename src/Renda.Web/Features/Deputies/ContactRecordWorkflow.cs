using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

public sealed record ContactKindInput(string? Name, ContactorGroup? Contactors, int? YearlyMinimum, bool? Active);
public sealed record ContactInput(int? KindId, DateOnly? On, ContactorRole? ContactorRole, int? ContactorPersonId, string? ContactorName,
    int? ContactedDeputyId, string? Constituents, ContactMethod? Method, string? Content);

/// <summary>六联系: the congress's kinds of contact (the administrator's list) and the contact records.</summary>
public static class ContactRecordWorkflow
{
    /// <summary>The kinds a congress starts with; names and minimums are the administrator's to change.</summary>
    public static readonly IReadOnlyList<(string Name, ContactorGroup Contactors, int Minimum)> DefaultKinds =
    [
        ("常委会组成人员联系代表", ContactorGroup.Members, 2),
        ("代表联系群众", ContactorGroup.Deputies, 2),
        ("专门委员会联系代表", ContactorGroup.Staff, 1),
        ("主任会议成员联系基层代表", ContactorGroup.Council, 2),
        ("常委会机关联系代表", ContactorGroup.Staff, 1),
        ("代表联系原选区选民", ContactorGroup.Deputies, 1),
    ];

    /// <summary>
    /// A congress without kinds gets the default list the first time its kinds are needed (a new congress, a fresh install):
    /// the records need rows to point at, and the administrator edits rows.
    /// </summary>
    public static async Task<List<ContactKind>> KindsAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        var kinds = await db.Set<ContactKind>().Where(k => k.CongressId == congressId).OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct);
        if (kinds.Count > 0) return kinds;
        kinds = DefaultKinds.Select((k, i) => new ContactKind { CongressId = congressId, Name = k.Name, Contactors = k.Contactors, YearlyMinimum = k.Minimum, SortOrder = i + 1 }).ToList();
        db.AddRange(kinds);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Two first reads at once (the authorization matrix found it: a 500): the other one stored the defaults; read those.
            foreach (var k in kinds) db.Entry(k).State = EntityState.Detached;
            return await db.Set<ContactKind>().Where(k => k.CongressId == congressId).OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct);
        }
        return kinds;
    }

    public static async Task<ContactKind> AddKindAsync(RendaDbContext db, DeputyActivitiesActor actor, ContactKindInput input, CancellationToken ct)
    {
        RequireAdministrator(actor);
        var kinds = await KindsAsync(db, actor.CongressId, ct);
        var kind = new ContactKind { CongressId = actor.CongressId, Name = "", SortOrder = kinds.Count == 0 ? 1 : kinds.Max(k => k.SortOrder) + 1 };
        Apply(kind, input, kinds, requireAll: true);
        db.Add(kind);
        await db.SaveChangesAsync(ct);
        return kind;
    }

    public static async Task<ContactKind> UpdateKindAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, ContactKindInput input, CancellationToken ct)
    {
        RequireAdministrator(actor);
        var kinds = await KindsAsync(db, actor.CongressId, ct);
        var kind = kinds.FirstOrDefault(k => k.Id == id) ?? throw DomainException.NotFound("没有找到该联系类别。");
        Apply(kind, input, kinds, requireAll: false);
        await db.SaveChangesAsync(ct);
        return kind;
    }

    private static void Apply(ContactKind kind, ContactKindInput input, List<ContactKind> kinds, bool requireAll)
    {
        var name = requireAll || input.Name is not null ? Text.Required("name", input.Name, "类别名称", 50) : kind.Name;
        if (kinds.Any(k => k.Id != kind.Id && k.Name == name)) throw DomainException.Invalid("name", $"已有名为“{name}”的联系类别。");
        if (input.YearlyMinimum is null && requireAll) throw DomainException.Invalid("yearlyMinimum", "请填写每人每年最少联系次数。");
        if (input.YearlyMinimum is < 0 or > 365) throw DomainException.Invalid("yearlyMinimum", "每人每年最少联系次数须在 0 到 365 之间。");
        if (input.Contactors is null && requireAll) throw DomainException.Invalid("contactors", "请选择由谁联系。");
        if (input.Contactors is { } c && !Enum.IsDefined(c)) throw DomainException.Invalid("contactors", "联系人类别无效。");
        kind.Name = name;
        kind.YearlyMinimum = input.YearlyMinimum ?? kind.YearlyMinimum;
        kind.Contactors = input.Contactors ?? kind.Contactors;
        kind.Active = input.Active ?? kind.Active;
    }

    /// <summary>The list is a rule of the congress, like its settings: the system administrator keeps it.</summary>
    private static void RequireAdministrator(DeputyActivitiesActor actor)
    {
        if (!actor.IsAdministrator) throw DomainException.Forbidden("只有系统管理员可以维护六联系类别。");
    }

    public static async Task<ContactRecord> RecordAsync(RendaDbContext db, DeputyActivitiesActor actor, ContactInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var kinds = await KindsAsync(db, actor.CongressId, ct);
        var kind = kinds.FirstOrDefault(k => k.Id == input.KindId) ?? throw DomainException.Invalid("kindId", "请选择本级人大的联系类别。");
        if (!kind.Active) throw DomainException.Invalid("kindId", $"联系类别“{kind.Name}”已停用。");
        var on = input.On ?? throw DomainException.Invalid("on", "请填写联系日期。");
        if (on > WorkCalendar.Today(db.Clock)) throw DomainException.Invalid("on", "联系日期不能晚于今天（登记已经发生的联系）。");
        var role = input.ContactorRole is { } r && Enum.IsDefined(r) ? r : throw DomainException.Invalid("contactorRole", "请选择联系人身份（常委会组成人员、人大代表或工作人员）。");
        var method = input.Method is { } m && Enum.IsDefined(m) ? m : throw DomainException.Invalid("method", "请选择联系方式（走访、座谈、电话或网络）。");
        var record = new ContactRecord
        {
            CongressId = actor.CongressId, Year = on.Year, KindId = kind.Id, On = on, ContactorRole = role, Method = method, ContactorName = "",
            Content = Text.Required("content", input.Content, "联系内容", 5000), CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        await ContactorAsync(db, actor.CongressId, record, input, on, ct);
        if (input.ContactedDeputyId is { } contacted)
        {
            var deputy = (await CongressLine.DeputiesAsync(db, actor.CongressId, [contacted], "contactedDeputyId", ct)).Single();
            if (deputy.Id == record.ContactorDeputyId) throw DomainException.Invalid("contactedDeputyId", "联系人和被联系的代表不能是同一人。");
            record.ContactedDeputyId = deputy.Id;
        }
        record.Constituents = Text.Optional("constituents", input.Constituents, "被联系的群众", 300);
        if (record.ContactedDeputyId is null && record.Constituents is null)
            throw DomainException.Invalid("contactedDeputyId", "请选择被联系的代表，或填写被联系的群众。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        var contactedName = record.ContactedDeputyId is { } cd ? await db.Deputies.Where(d => d.Id == cd).Select(d => d.Person!.Name).FirstAsync(ct) : record.Constituents!;
        var title = Clip($"{kind.Name}：{record.ContactorName}联系{contactedName}（{DeputyActivitiesLabels.Of(method)}）", 300);
        foreach (var deputyId in new[] { record.ContactorDeputyId, record.ContactedDeputyId }.OfType<int>())
            db.Add(new DutyRecord { DeputyId = deputyId, On = on, Kind = DutyKinds.Contact, Title = title, SourceType = ContactRecord.Subject, SourceId = record.Id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record;
    }

    /// <summary>A member or deputy is a registered person of this congress; staff may be named only.</summary>
    private static async Task ContactorAsync(RendaDbContext db, int congressId, ContactRecord record, ContactInput input, DateOnly on, CancellationToken ct)
    {
        switch (record.ContactorRole)
        {
            case ContactorRole.Deputy:
            {
                var personId = input.ContactorPersonId ?? throw DomainException.Invalid("contactorPersonId", "请选择联系的代表。");
                var deputy = await db.Deputies.AsNoTracking().Where(d => d.PersonId == personId && d.CongressId == congressId && d.Status == DeputyStatus.Serving)
                    .Select(d => new { d.Id, d.Person!.Name }).FirstOrDefaultAsync(ct) ?? throw DomainException.Invalid("contactorPersonId", "联系人须是本级人大的在任代表。");
                (record.ContactorPersonId, record.ContactorDeputyId, record.ContactorName) = (personId, deputy.Id, deputy.Name);
                break;
            }
            case ContactorRole.Member:
            {
                var personId = input.ContactorPersonId ?? throw DomainException.Invalid("contactorPersonId", "请选择联系的常委会组成人员。");
                var seated = await db.StandingCommitteeMembers.AsNoTracking().Where(s => s.PersonId == personId && s.CongressId == congressId && s.SeatedOn <= on && (s.LeftOn == null || s.LeftOn > on))
                    .Select(s => s.Person!.Name).FirstOrDefaultAsync(ct) ?? throw DomainException.Invalid("contactorPersonId", "联系人须是联系当日在任的本级常委会组成人员。");
                (record.ContactorPersonId, record.ContactorName) = (personId, seated);
                // A member who is also a deputy of this congress: the contact is in their duty archive too.
                record.ContactorDeputyId = await db.Deputies.Where(d => d.PersonId == personId && d.CongressId == congressId && d.Status == DeputyStatus.Serving).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
                break;
            }
            default:
                record.ContactorPersonId = null;
                record.ContactorName = Text.Required("contactorName", input.ContactorName, "联系人姓名", 50);
                break;
        }
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
