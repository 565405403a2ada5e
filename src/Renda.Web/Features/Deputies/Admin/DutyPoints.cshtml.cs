using Renda.Web.Platform.People;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Deputies.Pages.DutyArchive;

namespace Renda.Web.Features.Deputies.Admin;

/// <summary>/admin/duty-points — the system administrator sets the points of each kind of duty record for the congress.</summary>
public class DutyPointsModel(RendaDbContext db) : DutyArchivePageModel(db)
{
    public List<DutyPointWeightView> Weights { get; private set; } = [];
    protected override bool Allowed => Actor.IsAdministrator || Actor.MayReadAll;

    protected override async Task LoadAsync(CancellationToken ct) => Weights = await DutyPoints.WeightsAsync(Db, Actor.CongressId, ct);

    /// <summary>The form posts one field per kind, named w0 … w18 in the order of DutyKinds.All; an empty field is missing, never 0.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct)
        => StepAsync(a =>
        {
            var weights = new Dictionary<string, double?>();
            for (var i = 0; i < DutyKinds.All.Count; i++)
            {
                var text = Request.Form[$"w{i}"].ToString().Trim();
                weights[DutyKinds.All[i]] = text.Length == 0 ? null
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w
                    : throw DomainException.Invalid($"weights[{DutyKinds.All[i]}]", $"“{DutyKinds.All[i]}”的分值须是数字。");
            }
            return DutyPoints.SaveAsync(Db, a, weights, ct);
        }, "积分规则已保存。", () => "/admin/duty-points", ct);
}
