using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Supervision;

public sealed record InquiryInput(string? Title, DateOnly HeldOn, int? MeetingId, int? WorkReportId, int? TopicId);
public sealed record QuestionInput(string? Asker, string? AddressedOrgan, string? Question, string? AnsweredBy, string? Answer, string? Commitment);

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
        var answer = Text.Optional("answer", input.Answer, "答复", 5000);
        var answeredBy = Text.Optional("answeredBy", input.AnsweredBy, "应询人", 50);
        if ((answer is null) != (answeredBy is null)) throw DomainException.Invalid("answeredBy", "答复须写明应询人。");
        var question = new InquiryQuestion
        {
            Asker = Text.Required("asker", input.Asker, "询问人", 50), AddressedOrgan = Text.Required("addressedOrgan", input.AddressedOrgan, "应询机关", 100),
            Question = Text.Required("question", input.Question, "询问问题", 2000), AnsweredBy = answeredBy, Answer = answer, Commitment = Text.Optional("commitment", input.Commitment, "承诺事项", 1000),
        };
        q.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        return question;
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
