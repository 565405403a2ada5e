using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Organisations;

public class OrganisationModel(RendaDbContext db) : PageModel
{
    public DateOnly On { get; private set; }
    public Congress Congress { get; private set; } = null!;
    public Congress? Parent { get; private set; }
    public List<Term> Terms { get; private set; } = [];
    public List<Committee> Committees { get; private set; } = [];
    public List<MemberView> Members { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] DateOnly? on, CancellationToken ct)
    {
        var id = new CurrentUser(User).CongressId!.Value;
        Congress = await db.Congresses.AsNoTracking().Include(c => c.Parent).FirstAsync(c => c.Id == id, ct);
        Parent = Congress.Parent;
        On = on ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        Terms = await db.Terms.AsNoTracking().Where(t => t.CongressId == id).OrderBy(t => t.Number).ToListAsync(ct);
        Committees = await db.Committees.AsNoTracking().Where(c => c.CongressId == id).OrderBy(c => c.Id).ToListAsync(ct);
        Members = await Organisations.Members.SeatedOnAsync(db, id, On, ct);
    }
}
