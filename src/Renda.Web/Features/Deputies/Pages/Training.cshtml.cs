using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/trainings/{id} — trainees, attendance marking (the deputies' duty records follow), materials.</summary>
public class TrainingModel(RendaDbContext db, AttachmentStore store) : ActivitiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public TrainingView T { get; private set; } = null!;
    public List<(string Congress, RegionLevel Level, List<(int Id, string Name)> Deputies)> Choices { get; private set; } = [];
    public List<AttachmentView> Materials { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        T = await DeputyActivitiesQueries.TrainingAsync(Db, Actor, Id, ct);
        if (T.CanEnrol) Choices = await DeputyChoicesAsync(null, ct);
        Materials = await AttachmentsApi.ListForOwnerAsync(Db, Actor.CongressId, Training.Subject, Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
    }

    public Task<IActionResult> OnPostAttendanceAsync(List<AttendanceMark>? marks, CancellationToken ct)
        // Rows left "未登记" are not sent as marks: the form saves what was marked.
        => StepAsync(a => TrainingWorkflow.MarkAttendanceAsync(Db, a, Id, (marks ?? []).Where(m => m.Attendance is not null).ToArray(), ct), "出勤已保存。", () => $"/deputies/trainings/{Id}", ct);

    public Task<IActionResult> OnPostEnrolAsync(int[]? deputyIds, string? staff, string? others, CancellationToken ct)
    {
        var trainees = (deputyIds ?? []).Select(d => new TraineeInput(TraineeKind.Deputy, d, null, null))
            .Concat(Lines(staff).Select(l => new TraineeInput(TraineeKind.Staff, null, l.Name, l.Detail)))
            .Concat(Lines(others).Select(l => new TraineeInput(TraineeKind.Other, null, l.Name, l.Detail))).ToArray();
        return StepAsync(a => TrainingWorkflow.EnrolAsync(Db, a, Id, trainees, ct), $"已添加 {trainees.Length} 名学员。", () => $"/deputies/trainings/{Id}", ct);
    }

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct)
        => StepAsync(a => TrainingWorkflow.CompleteAsync(Db, a, Id, ct), "培训班已结束。", () => $"/deputies/trainings/{Id}", ct);

    public Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
        => StepAsync(async a =>
        {
            var user = new CurrentUser(User);
            var ownerId = Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!await AttachmentAccess.CanAttachAsync(Db, user, Training.Subject, ownerId)) throw DomainException.Forbidden("无权上传该培训班的材料。");
            if (file is null || file.Length == 0) throw DomainException.Invalid("file", "请选择要上传的文件。");
            if (file.Length > AttachmentStore.MaxBytes) throw DomainException.Invalid("file", AttachmentStore.TooLargeMessage);
            await using var content = file.OpenReadStream();
            await store.SaveAsync(content, file.FileName, a.CongressId, Training.Subject, ownerId, a.AccountId, ct);
        }, "材料已上传。", () => $"/deputies/trainings/{Id}", ct);
}
