// Cluster profiles for the demo enterprises: how many demo exhibitors per
// cluster, size and women-led leanings, name words, product templates,
// certifications, export markets and associations. Pure data, used by
// enterprises.ts; kept in one file per region so each reads in one sitting.
import { otherProvinceProfiles } from "./profiles-other-provinces";
import { punjabProfiles } from "./profiles-punjab";
import type { ClusterProfile } from "./profile-parts";

export type { ClusterProfile, ProductTemplate, Suffix } from "./profile-parts";

export const profiles: Record<string, ClusterProfile> = { ...punjabProfiles, ...otherProvinceProfiles };
