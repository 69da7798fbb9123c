import { type RouteConfig, index, prefix, route, layout } from "@react-router/dev/routes";

// Pages live in their feature's folder; this file only maps URLs to them.
export default [
  index("features/home/pages/home.tsx"),
  route("editions/:slug", "features/home/pages/edition.tsx"),
  route("lang/:locale", "features/home/pages/switch-language.ts"),
  route("sign-in", "features/accounts/pages/sign-in.tsx"),
  route("sign-up", "features/accounts/pages/sign-up.tsx"),
  route("sign-out", "features/accounts/pages/sign-out.ts"),
  route("forgot-password", "features/accounts/pages/forgot-password.tsx"),
  route("reset-password/:token", "features/accounts/pages/reset-password.tsx"),
  route("invitation/:token", "features/accounts/pages/invitation.tsx"),
  route("account", "features/accounts/pages/account.tsx"),
  route("nominations", "features/nominations/pages/nominations.tsx"),
  route("nominations/template.xlsx", "features/nominations/pages/template.ts"),
  route("apply/:token", "features/nominations/pages/apply.tsx"),
  route("apply/:token/photos/:photoId", "features/nominations/pages/photo.ts"),
  route("review", "features/selection/pages/review.tsx"),
  route("editions/:slug/transparency", "features/selection/pages/transparency.tsx"),
  route("editions/:slug/transparency.csv", "features/selection/pages/transparency-csv.ts"),
  ...prefix("back-office", [
    layout("features/backoffice/pages/shell.tsx", [
      index("features/backoffice/pages/overview.tsx"),
      route("editions/:editionId", "features/backoffice/pages/edition.tsx"),
      route("editions/:editionId/call", "features/nominations/pages/call.tsx"),
      route("editions/:editionId/selection", "features/selection/pages/selection.tsx"),
      route("audit", "features/backoffice/pages/audit.tsx"),
      route("outbox", "features/backoffice/pages/outbox.tsx"),
      route("tokens", "features/backoffice/pages/tokens.tsx"),
      route("invite", "features/backoffice/pages/invite.tsx"),
    ]),
  ]),
  route("*", "features/home/pages/not-found.tsx"),
] satisfies RouteConfig;
