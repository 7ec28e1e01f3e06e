import { describe, expect, it } from 'vitest'
import { collectOptionsFromFlags, parseAccounts } from '../../src/cli/collect-options.js'
import { UserError } from '../../src/user-error.js'

const clock = () => new Date(0)

function usageError(run: () => unknown): UserError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).exitStatus).toBe(2)
    return error as UserError
  }
  throw new Error('expected a usage error')
}

describe('collect flags', () => {
  it('default to the caller\'s account, the configured region, 4 accounts at once', () => {
    expect(collectOptionsFromFlags({ out: 's.json' }, clock)).toEqual({
      profile: null,
      orgProfile: null,
      orgRoleArn: null,
      regions: [],
      allRegions: false,
      accounts: { kind: 'caller' },
      assumeRoleName: null,
      concurrency: 4,
      clock,
    })
  })

  it('map every flag', () => {
    const options = collectOptionsFromFlags(
      {
        out: 's.json',
        profile: 'dev',
        region: ['eu-west-1', 'us-gov-west-1'],
        'org-role-arn': 'arn:aws:iam::999999999999:role/OrgReader',
        accounts: ['111111111111,222222222222', '333333333333 111111111111'],
        'assume-role-name': 'audit/DenydoctorReader',
        concurrency: '8',
      },
      clock,
    )
    expect(options).toMatchObject({
      profile: 'dev',
      orgRoleArn: 'arn:aws:iam::999999999999:role/OrgReader',
      regions: ['eu-west-1', 'us-gov-west-1'],
      accounts: { kind: 'list', ids: ['111111111111', '222222222222', '333333333333'] },
      assumeRoleName: 'audit/DenydoctorReader',
      concurrency: 8,
    })
    expect(collectOptionsFromFlags({ out: 's', 'all-accounts': true, 'assume-role-name': 'R', 'all-regions': true }, clock)).toMatchObject({ accounts: { kind: 'all' }, allRegions: true })
  })

  it('refuse what cannot work, before any AWS call', () => {
    expect(usageError(() => parseAccounts(['111111111111,abc'])).message).toBe('--accounts: `abc` is not a 12-digit AWS account ID.')
    expect(usageError(() => parseAccounts([' , '])).message).toMatch(/names no account/)
    expect(usageError(() => collectOptionsFromFlags({ out: 's', 'org-profile': 'a', 'org-role-arn': 'arn:aws:iam::999999999999:role/R' }, clock)).message).toMatch(/cannot be used together/)
    expect(usageError(() => collectOptionsFromFlags({ out: 's', accounts: ['111111111111'], 'assume-role-name': 'arn:aws:iam::111111111111:role/R' }, clock)).message).toMatch(/not an IAM role name/)
    expect(usageError(() => collectOptionsFromFlags({ out: 's', concurrency: '33' }, clock)).message).toMatch(/from 1 to 32/)
  })
})
