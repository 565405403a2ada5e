using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Admin;

[Authorize(Roles = nameof(Role.SystemAdministrator) + "," + nameof(Role.SecurityAdministrator))]
public class AccountsModel(RendaDbContext db) : PageModel
{
    public sealed class AccountInput
    {
        [Required(ErrorMessage = "请填写用户名。"), RegularExpression("^[A-Za-z0-9_.-]{3,50}$", ErrorMessage = "用户名为 3–50 位字母、数字、下划线、点或连字符。")]
        public string UserName { get; set; } = "";
        [Required(ErrorMessage = "请填写姓名。"), MaxLength(50, ErrorMessage = "姓名不超过 50 字。")]
        public string DisplayName { get; set; } = "";
        [Required(ErrorMessage = "请设置初始密码。"), MaxLength(128)]
        public string InitialPassword { get; set; } = "";
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确。"), MaxLength(100)]
        public string? Email { get; set; }
    }

    [BindProperty] public AccountInput Input { get; set; } = new();
    // Not [BindProperty]: "page" is also Razor Pages' own route value, which would win over the query string.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<IdentityApi.AccountView> Accounts { get; private set; } = new([], 1, 20, 0);
    public bool CanCreate => User.IsInRole(nameof(Role.SystemAdministrator));
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        Accounts = await db.Accounts.AsNoTracking().Where(a => a.CongressId == user.CongressId).OrderBy(a => a.UserName)
            .Select(a => new IdentityApi.AccountView(a.Id, a.UserName, a.DisplayName, a.Enabled, a.LockedUntil > now,
                a.Roles.Select(r => new RoleView(r.Role, "", r.CommitteeId, r.HandlingUnitId)).ToList()))
            .ToPageAsync(PageNumber, 20, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanCreate) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                var account = await Identity.Accounts.CreateAsync(db, new CurrentUser(User).CongressId!.Value,
                    new CreateAccountRequest(Input.UserName, Input.DisplayName, Input.InitialPassword, null, Input.Email), ct);
                Message = $"已创建账号“{account.UserName}”。请将初始密码当面交给本人，并请安全管理员授予角色。";
                Input = new();
                ModelState.Clear();
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(e.Field switch { "userName" => "Input.UserName", "newPassword" => "Input.InitialPassword", _ => "" }, e.Message);
            }
        }
        await OnGetAsync(ct);
        return Page();
    }
}
