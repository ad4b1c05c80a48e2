/** 关于: the app version and every rule table's version, checked-on date and source. */
import { render, screen } from '@testing-library/react'
import AboutPage from '../../../src/more/about'
import { RULE_DATA_VERSIONS } from '../../../src/domain/rules'
import pkg from '../../../package.json'

describe('关于', () => {
  it('shows the app version from package.json', () => {
    const { container } = render(<AboutPage />)
    expect(container.querySelector('.about__app-version')).toHaveTextContent(pkg.version)
  })

  it('lists every rule table once, in order', () => {
    const { container } = render(<AboutPage />)
    const titles = [...container.querySelectorAll('.about__rule-title')].map((el) => el.textContent)
    expect(titles).toEqual(RULE_DATA_VERSIONS.map((r) => r.title))
  })

  it.each(RULE_DATA_VERSIONS.map((r) => [r.id, r] as const))('%s: version, checked-on date and source', (_id, rule) => {
    const { container } = render(<AboutPage />)
    const row = [...container.querySelectorAll('.about__rule')].find(
      (el) => el.querySelector('.about__rule-title')!.textContent === rule.title
    )!
    const [y, m, d] = rule.checkedOn.split('-').map(Number)
    expect(row.querySelector('.about__rule-version')).toHaveTextContent(`v${y}.${String(m).padStart(2, '0')}.`)
    expect(row.querySelector('.about__rule-checked')).toHaveTextContent(`核对于 ${y}年${m}月${d}日`)
    expect(row.querySelector('.about__rule-source')).toHaveTextContent(rule.source)
    expect(screen.getAllByText(rule.title)).toHaveLength(1)
  })
})
