/**
 * One account's chain of organization levels, read as early as the data allows. The walk up
 * the parents (one ListParents per level) is the longest run of reads in a diagnosis, so it
 * starts as soon as the account is known, and each level's policies are listed as soon as that
 * level is known to be on the chain and the policies are known to apply: the account's once its
 * first ListParents answers (it is in the organization), the root's from ListRoots, each OU's
 * as soon as its child's ListParents names it. Nothing is listed for a chain whose policies turn
 * out not to apply (management account, service-linked role, policy type disabled).
 */
import type { OrganizationReader, OrganizationRoot } from './organizations.js'

const ignore = (): undefined => undefined

/** Whether the policies of the chain apply, and the root to label levels with; settled once. */
interface Applies {
  readonly promise: Promise<OrganizationRoot | null>
  settle(root: OrganizationRoot | null): void
}

function deferred(): Applies {
  let settle: (root: OrganizationRoot | null) => void = ignore
  const promise = new Promise<OrganizationRoot | null>((resolve) => (settle = resolve))
  return { promise, settle: (root) => settle(root) }
}

export class LevelChain<L> {
  /** Root first, the account excluded; rejects with the SDK's error (a handler is attached). */
  readonly parents: Promise<string[]>
  private readonly applies = deferred()
  private readonly reads = new Map<string, Promise<L | null>>()
  private stopped = false

  constructor(
    reader: OrganizationReader,
    readonly account: string,
    /** Reads one level's policies (never called before `apply` says they apply). */
    private readonly readLevel: (id: string, root: OrganizationRoot) => Promise<L>,
    /** False once the diagnosis has failed elsewhere: nothing more is started. */
    private readonly wanted: () => boolean,
  ) {
    let first = true
    const onParent = (id: string): void => {
      if (first) {
        first = false
        // The account has a parent, so it is in the organization, whose one root ends its chain.
        void this.start(account)
        void this.applies.promise.then((root) => root && this.start(root.id))
      }
      void this.start(id)
    }
    this.parents = reader.parentsOf(account, onParent, () => this.live())
    this.parents.catch(ignore)
  }

  /** Says whether the policies apply (with the root) or not (null); the first call counts. */
  apply(root: OrganizationRoot | null): void {
    this.applies.settle(root)
  }

  /** Starts nothing more: the chain's answer is no longer needed. */
  stop(): void {
    this.stopped = true
    this.applies.settle(null)
  }

  /** Every level, root first and account last, once `parents` answered and `apply` got a root. */
  async levels(parents: readonly string[], root: OrganizationRoot): Promise<L[]> {
    this.apply(root)
    return Promise.all(
      [...parents, this.account].map(async (id) => {
        const read = await this.start(id)
        if (read === null) throw new Error(`the policies of ${id} are no longer wanted`)
        return read
      }),
    )
  }

  private live(): boolean {
    return !this.stopped && this.wanted()
  }

  private start(id: string): Promise<L | null> {
    let read = this.reads.get(id)
    if (!read) {
      read = this.applies.promise.then((root) => (root && this.live() ? this.readLevel(id, root) : null))
      read.catch(ignore)
      this.reads.set(id, read)
    }
    return read
  }
}
