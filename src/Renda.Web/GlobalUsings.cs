// The module contract (docs/MODULES.md) is used by every module.
global using Renda.Web.Platform.Modules;
