using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/appointments/{id} — one personnel matter: nominee, nomination, vote, certificate, oath; staff act on it by its state.</summary>
public class AppointmentDetailModel(RendaDbContext db) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public AppointmentView A { get; private set; } = null!;
    public Gender? Gender { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public VoteSummary? Vote { get; private set; }
    public OathView? Oath { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public string? LawExamResult { get; set; }
    [BindProperty] public string? CertificateNumber { get; set; }
    [BindProperty] public DateOnly? CertificateIssuedOn { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Today = WorkCalendar.Today(Db.Clock);
        var a = await AppointmentWorkflow.LoadAsync(Db, Actor, Id, ct);
        Gender = a.Gender;
        BirthDate = a.BirthDate;
        A = (await MeetingQueries.AppointmentsAsync(Db, Actor.CongressId, null, a.MeetingId, ct)).First(x => x.Id == Id);
        if (a.VoteId is { } voteId && await Db.Set<Vote>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId, ct) is { } v)
            Vote = MeetingQueries.Summary(v);
        if (a.OathId is { } oathId)
        {
            var taken = await Db.Set<Oath>().Where(o => o.Id == oathId).Select(o => o.TakenOn).FirstAsync(ct);
            Oath = (await MeetingQueries.OathsAsync(Db, Actor.CongressId, taken.Year, ct)).FirstOrDefault(o => o.Id == oathId);
        }
        LawExamResult ??= A.LawExamResult;
        CertificateIssuedOn ??= Today;
    }

    private string Here => $"/appointments/{Id}";

    public Task<IActionResult> OnPostLawExamAsync(CancellationToken ct)
        => StepAsync(a => AppointmentWorkflow.RecordLawExamAsync(Db, a, Id, LawExamResult, ct), "法律职业资格考试结果已登记。", () => Here, ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
        => StepAsync(a => AppointmentWorkflow.WithdrawAsync(Db, a, Id, ct), "任免事项已撤回。", () => Here, ct);

    public Task<IActionResult> OnPostCertificateAsync(CancellationToken ct) => StepAsync(async a =>
    {
        if (CertificateIssuedOn is not { } on) throw DomainException.Invalid("issuedOn", "请填写颁发日期。");
        await AppointmentWorkflow.IssueCertificateAsync(Db, a, Id, CertificateNumber, on, ct);
    }, "任命书已颁发。", () => Here, ct);
}
