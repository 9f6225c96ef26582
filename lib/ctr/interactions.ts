/**
 * A seeded user-item interaction generator with planted structure, for the two-tower (DSSM)
 * retrieval model: items fall into `groups` hidden taste groups, each user has one favourite
 * group and draws most of its items from it (Zipf popularity within the group), the rest
 * uniformly. The towers see ids plus one coarse, partly informative field per side (a noisy
 * user segment, an item category that merges pairs of groups), so a model that recovers the
 * groups from the interactions alone retrieves well above popularity and chance. Each user's
 * last interaction is held out for recall@k / NDCG@k.
 *
 * @module
 */
import { Matrix, Random, ValueError } from "../core/mod.ts";

/** Options of {@link makeInteractions}. */
export interface InteractionOptions {
  /** Number of users. @default 800 */
  users?: number;
  /** Number of items. @default 400 */
  items?: number;
  /** Hidden taste groups (items are split evenly). @default 8 */
  groups?: number;
  /** Observed item categories; category = ⌊group·categories/groups⌋. @default 4 */
  categories?: number;
  /** Distinct items per user (one of them is held out). @default 12 */
  perUser?: number;
  /** Probability that an interaction comes from the user's group (else uniform). @default 0.8 */
  affinity?: number;
  /** Zipf exponent of item popularity within a group. @default 1 */
  zipf?: number;
  /** Probability that a user's observed segment is a random group instead of its own. @default 0.3 */
  segmentNoise?: number;
  /** Seed. @default 0 */
  seed?: number;
}

/** User-item pairs, parallel arrays. */
export interface InteractionPairs {
  /** User index per pair. */
  user: Int32Array;
  /** Item index per pair. */
  item: Int32Array;
}

/** What {@link makeInteractions} returns. */
export interface Interactions {
  /** Number of users. */
  users: number;
  /** Number of items. */
  items: number;
  /** Number of hidden groups. */
  groups: number;
  /** The user tower's id space: user ids 0..users−1, then segment ids. */
  userIdSpace: number;
  /** The item tower's id space: item ids 0..items−1, then category ids. */
  itemIdSpace: number;
  /** Fields per row of the feature tables. */
  fields: number;
  /** [users, 2] row-major: (user id, users + segment). */
  userFeatures: Int32Array;
  /** [items, 2] row-major: (item id, items + category). */
  itemFeatures: Int32Array;
  /** The planted group of each user. */
  userGroup: Int32Array;
  /** The planted group of each item. */
  itemGroup: Int32Array;
  /** The observed category of each item. */
  itemCategory: Int32Array;
  /** P(item | its group): the Zipf popularity within the group. */
  itemPopularity: Float64Array;
  /** The affinity the data was drawn with. */
  affinity: number;
  /** Training pairs (perUser − 1 per user, user-major). */
  train: InteractionPairs;
  /** One held-out pair per user (test.user[u] = u). */
  test: InteractionPairs;
  /** The training items of each user (to leave out when ranking). */
  seen: Int32Array[];
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ValueError(`${name} must be an integer >= ${min}. Got ${value} instead.`);
  }
}

function checkProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) {
    throw new ValueError(`${name} must be in [0, 1]. Got ${value} instead.`);
  }
}

/**
 * Generates users, items and their interactions with planted taste groups.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { makeInteractions } from "../mod.ts";
 *
 * const d = makeInteractions({ users: 20, items: 20, groups: 4, categories: 2, perUser: 5 });
 * assertEquals(d.train.user.length, 20 * 4);
 * assertEquals(d.test.item.length, 20);
 * assertEquals(Array.from(d.itemFeatures.slice(0, 2)), [0, 20 + d.itemCategory[0]]);
 * ```
 */
export function makeInteractions(options: InteractionOptions = {}): Interactions {
  const users = options.users ?? 800, items = options.items ?? 400;
  const groups = options.groups ?? 8, categories = options.categories ?? 4;
  const perUser = options.perUser ?? 12, affinity = options.affinity ?? 0.8;
  const zipf = options.zipf ?? 1, segmentNoise = options.segmentNoise ?? 0.3;
  checkCount("users", users, 1);
  checkCount("groups", groups, 1);
  checkCount("items", items, groups);
  checkCount("categories", categories, 1);
  if (categories > groups) {
    throw new ValueError(`categories must be <= groups (${groups}). Got ${categories} instead.`);
  }
  checkCount("perUser", perUser, 2);
  const perGroup = Math.floor(items / groups);
  if (perUser > perGroup) {
    throw new ValueError(
      `perUser must be <= items per group (${perGroup}) so a user's items stay distinct. Got ${perUser} instead.`,
    );
  }
  checkProbability("affinity", affinity);
  checkProbability("segmentNoise", segmentNoise);
  if (!(zipf >= 0)) throw new ValueError(`zipf must be >= 0. Got ${zipf} instead.`);
  const rng = new Random(options.seed ?? 0);

  // Items: a random permutation deals them to groups; popularity ∝ 1/(rank in group + 1)^zipf.
  const itemGroup = new Int32Array(items), itemCategory = new Int32Array(items);
  const members: number[][] = Array.from({ length: groups }, () => []);
  const order = rng.permutation(items);
  order.forEach((item, i) => {
    itemGroup[item] = i % groups;
    members[i % groups].push(item);
  });
  const itemPopularity = new Float64Array(items);
  const cumulative = members.map((m) => {
    const c = new Float64Array(m.length);
    let s = 0;
    m.forEach((_, r) => c[r] = s += (r + 1) ** -zipf);
    m.forEach((item, r) => itemPopularity[item] = (r + 1) ** -zipf / s);
    return c;
  });
  const popular = (g: number): number => {
    const c = cumulative[g], u = rng.uniform() * c[c.length - 1];
    let r = 0;
    while (r < c.length - 1 && c[r] <= u) r++;
    return members[g][r];
  };
  const itemFeatures = new Int32Array(items * 2);
  for (let i = 0; i < items; i++) {
    itemCategory[i] = Math.floor(itemGroup[i] * categories / groups);
    itemFeatures[2 * i] = i;
    itemFeatures[2 * i + 1] = items + itemCategory[i];
  }

  const userGroup = new Int32Array(users), userFeatures = new Int32Array(users * 2);
  const trainUser = new Int32Array(users * (perUser - 1)),
    trainItem = new Int32Array(trainUser.length);
  const testItem = new Int32Array(users), seen: Int32Array[] = [];
  for (let u = 0; u < users; u++) {
    const g = userGroup[u] = rng.int(groups);
    const segment = rng.uniform() < segmentNoise ? rng.int(groups) : g;
    userFeatures[2 * u] = u;
    userFeatures[2 * u + 1] = users + segment;
    const picked = new Set<number>();
    while (picked.size < perUser) {
      picked.add(rng.uniform() < affinity ? popular(g) : rng.int(items));
    }
    // the held-out item is any of the user's items: holding out the last new one would favour
    // rare items (popular ones tend to be drawn first)
    const list = Int32Array.from(picked), held = rng.int(perUser);
    testItem[u] = list[held];
    list.copyWithin(held, held + 1);
    seen.push(list.slice(0, perUser - 1));
    trainUser.fill(u, u * (perUser - 1), (u + 1) * (perUser - 1));
    trainItem.set(list.subarray(0, perUser - 1), u * (perUser - 1));
  }
  return {
    users,
    items,
    groups,
    userIdSpace: users + groups,
    itemIdSpace: items + categories,
    fields: 2,
    userFeatures,
    itemFeatures,
    userGroup,
    itemGroup,
    itemCategory,
    itemPopularity,
    affinity,
    train: { user: trainUser, item: trainItem },
    test: { user: Int32Array.from({ length: users }, (_, u) => u), item: testItem },
    seen,
  };
}

/**
 * The generating model's own scores as inner products: the query of user u is (onehot(g_u), 1),
 * the vector of item j is (affinity·P(j | g_j)·onehot(g_j), (1 − affinity)/items), so ⟨q_u, v_j⟩
 * is the probability that one draw of u is j. Ranking by it is the retrieval optimum that the
 * towers are measured against (up to the without-replacement draws).
 */
export function plantedVectors(data: Interactions): { users: Matrix; items: Matrix } {
  const G = data.groups,
    users = new Matrix(data.users, G + 1),
    items = new Matrix(data.items, G + 1);
  for (let u = 0; u < data.users; u++) {
    users.data[u * (G + 1) + data.userGroup[u]] = 1;
    users.data[u * (G + 1) + G] = 1;
  }
  for (let j = 0; j < data.items; j++) {
    items.data[j * (G + 1) + data.itemGroup[j]] = data.affinity * data.itemPopularity[j];
    items.data[j * (G + 1) + G] = (1 - data.affinity) / data.items;
  }
  return { users, items };
}
