using Renda.Web.Features.Meetings;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Supervision;

public sealed record InquiryInput(string? Title, DateOnly HeldOn, int? MeetingId, int? WorkReportId, int? TopicId);
/// <summary>askerDeputyId: the asker's deputy mandate when the asker holds one (the name may then be left out); null for an asker who is not a deputy.</summary>
public sealed record QuestionInput(string? Asker, string? AddressedOrgan, string? Question, string? AnsweredBy, string? Answer, string? Commitment, int? AskerDeputyId = null);

/// <summary>Special inquiries: the questions asked and answered, and the commitments followed up.</summary>
public static class InquiryWorkflow
{
    public static async Task<SpecialInquiry> CreateInquiryAsync(RendaDbContext db, SupervisionActor actor, InquiryInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        await SupervisionPlanWorkflow.RequireOwnTopicAsync(db, actor, input.TopicId, ct);
        if (input.MeetingId is { } m && !await db.Set<Meeting>().AnyAsync(x => x.Id == m && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("meetingId", "会议不存在。");
        if (input.WorkReportId is { } w && !await db.Set<WorkReport>().AnyAsync(x => x.Id == w && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("workReportId", "报告不存在。");
        var q = new SpecialInquiry
        {
            CongressId = actor.CongressId, Year = input.HeldOn.Year, Title = Text.Required("title", input.Title, "询问主题", 300), HeldOn = input.HeldOn,
            MeetingId = input.MeetingId, WorkReportId = input.WorkReportId, TopicId = input.TopicId, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(q);
        await db.SaveChangesAsync(ct);
        return q;
    }

    public static async Task<SpecialInquiry> LoadInquiryAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var q = await db.Set<SpecialInquiry>().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (q is null || q.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该专题询问。");
        return q;
    }

    public static async Task<InquiryQuestion> AddQuestionAsync(RendaDbContext db, SupervisionActor actor, int id, QuestionInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var q = await LoadInquiryAsync(db, actor, id, ct);
        var question = new InquiryQuestion { Asker = "", AddressedOrgan = "", Question = "" };
        await FillAsync(db, q, question, input, ct);
        q.Questions.Add(question);
        await FollowInArchiveAsync(db, q, ct);
        await db.SaveChangesAsync(ct);
        return question;
    }

    /// <summary>Corrects a recorded question (a misheard name, the wrong asker picked); the askers' duty records follow.</summary>
    public static async Task UpdateQuestionAsync(RendaDbContext db, SupervisionActor actor, int questionId, QuestionInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var (q, question) = await LoadQuestionAsync(db, actor, questionId, ct);
        var commitment = Text.Optional("commitment", input.Commitment, "承诺事项", 1000);
        if (question.CommitmentDoneOn is not null && commitment != question.Commitment)
            throw DomainException.Conflict("该问题的承诺事项已落实，不能再修改承诺事项。");
        await FillAsync(db, q, question, input, ct);
        await FollowInArchiveAsync(db, q, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a question recorded by mistake; a deputy who asked nothing else at the inquiry loses its duty record.</summary>
    public static async Task RemoveQuestionAsync(RendaDbContext db, SupervisionActor actor, int questionId, CancellationToken ct)
    {
        actor.RequireStaff();
        var (q, question) = await LoadQuestionAsync(db, actor, questionId, ct);
        // A commitment already carried out is part of the supervision record: it is corrected, not erased.
        if (question.CommitmentDoneOn is not null) throw DomainException.Conflict("该问题的承诺事项已落实，不能删除。");
        q.Questions.Remove(question);
        await FollowInArchiveAsync(db, q, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<(SpecialInquiry, InquiryQuestion)> LoadQuestionAsync(RendaDbContext db, SupervisionActor actor, int questionId, CancellationToken ct)
    {
        var inquiryId = await db.Set<InquiryQuestion>().Where(x => x.Id == questionId).Select(x => (int?)x.InquiryId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("没有找到该询问问题。");
        var q = await LoadInquiryAsync(db, actor, inquiryId, ct);
        return (q, q.Questions.First(x => x.Id == questionId));
    }

    private static async Task FillAsync(RendaDbContext db, SpecialInquiry q, InquiryQuestion question, QuestionInput input, CancellationToken ct)
    {
        var answer = Text.Optional("answer", input.Answer, "答复", 5000);
        var answeredBy = Text.Optional("answeredBy", input.AnsweredBy, "应询人", 50);
        if ((answer is null) != (answeredBy is null)) throw DomainException.Invalid("answeredBy", "答复须写明应询人。");
        string? deputyName = null;
        if (input.AskerDeputyId is { } deputyId)
        {
            // Any mandate of the inquiry's congress, serving or not: an inquiry of last term may be recorded late.
            deputyName = await db.Deputies.Where(d => d.Id == deputyId && d.CongressId == q.CongressId).Select(d => d.Person!.Name).FirstOrDefaultAsync(ct)
                ?? throw DomainException.Invalid("askerDeputyId", "询问人不是本级人大的代表；不是代表的询问人请只填写姓名。");
        }
        question.Asker = Text.Required("asker", string.IsNullOrWhiteSpace(input.Asker) ? deputyName : input.Asker, "询问人", 50);
        question.AskerDeputyId = input.AskerDeputyId;
        question.AddressedOrgan = Text.Required("addressedOrgan", input.AddressedOrgan, "应询机关", 100);
        question.Question = Text.Required("question", input.Question, "询问问题", 2000);
        question.AnsweredBy = answeredBy;
        question.Answer = answer;
        question.Commitment = Text.Optional("commitment", input.Commitment, "承诺事项", 1000);
    }

    /// <summary>
    /// Keeps the inquiry's 专题询问发言 records equal to its deputy askers, in the same save as the change: one record per
    /// deputy and inquiry however many questions the deputy asked, removed when the deputy's last question goes.
    /// </summary>
    public static async Task FollowInArchiveAsync(RendaDbContext db, SpecialInquiry q, CancellationToken ct)
    {
        var askers = q.Questions.Where(x => x.AskerDeputyId is not null).Select(x => x.AskerDeputyId!.Value).ToHashSet();
        db.RemoveRange(await db.Set<DutyRecord>().Where(r => r.SourceType == SpecialInquiry.Subject && r.SourceId == q.Id && r.Kind == DutyKinds.InquiryQuestion
            && !askers.Contains(r.DeputyId)).ToListAsync(ct));
        await DutyRecords.AddAsync(db, askers, q.HeldOn, DutyKinds.InquiryQuestion, q.Title, SpecialInquiry.Subject, q.Id, ct);
    }

    public static async Task CompleteCommitmentAsync(RendaDbContext db, SupervisionActor actor, int questionId, CancellationToken ct)
    {
        actor.RequireStaff();
        var question = await db.Set<InquiryQuestion>().FirstOrDefaultAsync(x => x.Id == questionId, ct) ?? throw DomainException.NotFound("没有找到该询问问题。");
        await LoadInquiryAsync(db, actor, question.InquiryId, ct);
        question.CompleteCommitment(WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }
}
