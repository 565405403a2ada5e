using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Platform.Admin;

[Authorize(Roles = nameof(Role.SystemAdministrator) + "," + nameof(Role.SecurityAdministrator))]
public class AccountModel(RendaDbContext db) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Account Account { get; private set; } = null!;
    public List<Committee> Committees { get; private set; } = [];
    public List<HandlingUnit> Units { get; private set; } = [];
    public DateTime Now => db.Clock.GetUtcNow().UtcDateTime;
    public string? Message { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var congressId = new CurrentUser(User).CongressId;
        var account = await db.Accounts.Include(a => a.Roles).ThenInclude(r => r.Committee).Include(a => a.Roles).ThenInclude(r => r.HandlingUnit)
            .FirstOrDefaultAsync(a => a.Id == Id && a.CongressId == congressId, ct);
        if (account is null) return false;
        Account = account;
        Committees = await db.Committees.AsNoTracking().Where(c => c.CongressId == congressId).OrderBy(c => c.Id).ToListAsync(ct);
        Units = await db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == congressId).OrderBy(u => u.Id).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => SetEnabledAsync(false, ct);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => SetEnabledAsync(true, ct);

    private async Task<IActionResult> SetEnabledAsync(bool enabled, CancellationToken ct)
    {
        if (!User.IsInRole(nameof(Role.SystemAdministrator))) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (Account.Id == new CurrentUser(User).AccountId)
            ModelState.AddModelError("", "不能停用自己的账号。");
        else
        {
            await Logins.SetEnabledAsync(db, Account, enabled, ct);
            Message = enabled ? "账号已启用。" : "账号已停用。";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostGrantAsync(Role grantRole, int? committeeId, int? handlingUnitId, CancellationToken ct)
    {
        if (!User.IsInRole(nameof(Role.SecurityAdministrator))) return Forbid();
        try
        {
            await Identity.Accounts.GrantAsync(db, new CurrentUser(User).CongressId!.Value, Id,
                new GrantRoleRequest(grantRole, grantRole == Role.CommitteeStaff ? committeeId : null, grantRole == Role.HandlingUnitOfficer ? handlingUnitId : null), ct);
            Message = $"已授予“{grantRole.Label()}”。";
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            db.ChangeTracker.Clear();
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int assignmentId, CancellationToken ct)
    {
        if (!User.IsInRole(nameof(Role.SecurityAdministrator))) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        var assignment = Account.Roles.FirstOrDefault(r => r.Id == assignmentId);
        if (assignment is null) return NotFound();
        if (Account.Id == new CurrentUser(User).AccountId && assignment.Role == Role.SecurityAdministrator)
        {
            ModelState.AddModelError("", "不能撤销自己的安全管理员角色。");
            return Page();
        }
        Account.Roles.Remove(assignment);
        await db.SaveChangesAsync(ct);
        Message = $"已撤销“{assignment.Role.Label()}”。";
        return Page();
    }
}
