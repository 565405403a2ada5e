// What nearly every file of the application uses: the module contract (docs/MODULES.md), the database, refusals
// (DomainException), the signed-in user and the work calendar.
global using Microsoft.EntityFrameworkCore;
global using Renda.Web.Data;
global using Renda.Web.Platform.Calendar;
global using Renda.Web.Platform.Identity;
global using Renda.Web.Platform.Modules;
global using Renda.Web.Platform.Web;
