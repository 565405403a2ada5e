using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Organisations;

public class UnitsModel(RendaDbContext db) : PageModel
{
    public List<HandlingUnit> Units { get; private set; } = [];

    public static string KindLabel(HandlingUnitKind kind) => kind switch
    {
        HandlingUnitKind.Government => "人民政府",
        HandlingUnitKind.GovernmentDepartment => "政府组成部门",
        HandlingUnitKind.SupervisoryCommission => "监察委员会",
        HandlingUnitKind.Court => "人民法院",
        HandlingUnitKind.Procuratorate => "人民检察院",
        HandlingUnitKind.Other => "其他",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = new CurrentUser(User).CongressId!.Value;
        Units = await db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == id).OrderBy(u => u.Id).ToListAsync(ct);
    }
}
