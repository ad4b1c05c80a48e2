import fc from 'fast-check'
import { materialConflictRows, statusOf, STATUS_LABELS } from '../../../src/components/material-item/statuses'
import type { MaterialStatus } from '../../../src/domain/types'
import { groupBySection, MATERIAL_SECTIONS } from '../../../src/pages/materials/sections'
import { buildChecklist } from '../../../src/domain/checklist'
import { SAMPLE_PROFILE } from '../../../src/domain/samples'

const titleOf = (id: string) => `《${id}》`

describe('material statuses', () => {
  it('treats a material the user never touched as 未准备', () => {
    expect(statusOf({}, 'owner_certificate')).toBe('todo')
    expect(statusOf(undefined, 'owner_certificate')).toBe('todo')
    expect(statusOf({ owner_certificate: 'problem' }, 'owner_certificate')).toBe('problem')
  })

  it.each([
    [
      'only the materials that differ',
      { a: 'ready', b: 'problem' },
      { a: 'ready', b: 'todo' },
      [['《b》', '有问题', '未准备']]
    ],
    ['a material missing on the server counts as 未准备', { c: 'todo' }, {}, []],
    ['a material missing on the server, set by me', { c: 'ready' }, {}, [['《c》', '已准备', '未准备']]],
    ['nothing pending', undefined, { a: 'ready' }, []]
  ] as const)('conflict rows: %s', (_name, mine, theirs, rows) => {
    const result = materialConflictRows(
      mine as Record<string, MaterialStatus> | undefined,
      theirs as Record<string, MaterialStatus>,
      titleOf
    )
    expect(result.map((r) => [r.label, r.mine, r.theirs])).toEqual(rows)
  })

  it('lists a row exactly for each material whose status differs (property)', () => {
    const status = fc.constantFrom<MaterialStatus>('todo', 'ready', 'problem')
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e')
    fc.assert(
      fc.property(fc.dictionary(ids, status), fc.dictionary(ids, status), (mine, theirs) => {
        const rows = materialConflictRows(mine, theirs, titleOf)
        const differing = Object.keys(mine).filter((id) => mine[id] !== (theirs[id] ?? 'todo'))
        expect(rows.map((r) => r.label)).toEqual(differing.map(titleOf))
        for (const row of rows) expect(row.mine).not.toBe(row.theirs)
        for (const row of rows) expect(Object.values(STATUS_LABELS)).toContain(row.theirs)
      })
    )
  })

  it('groups a checklist in the platforms’ section order without losing an item', () => {
    const items = buildChecklist({ ...SAMPLE_PROFILE, industries: ['education'] })
    const groups = groupBySection(items)
    expect(groups.flatMap((g) => g.items)).toHaveLength(items.length)
    const order = MATERIAL_SECTIONS.map((s) => s.id)
    const seen = groups.map((g) => order.indexOf(g.id))
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(groups.find((g) => g.id === 'mini_program')?.items.map((i) => i.id)).toEqual(['pre_approval'])
  })
})
